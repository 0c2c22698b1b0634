namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>What one landing call did: new rows, pages already present, and pages rejected.</summary>
public sealed record LandingResult(int Landed, int Duplicates, int Rejected)
{
    public static LandingResult Empty { get; } = new(0, 0, 0);

    public LandingResult Add(LandingResult other) =>
        new(Landed + other.Landed, Duplicates + other.Duplicates, Rejected + other.Rejected);
}

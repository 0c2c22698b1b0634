using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources.Adzuna;
using JobMarket.Warehouse.Extract.Sources.FranceTravail;
using JobMarket.Warehouse.Extract.Sources.JSearch;
using JobMarket.Warehouse.Extract.Sources.TheMuse;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>The <c>Extract</c> configuration section: one options object per source.</summary>
public sealed class ExtractOptions
{
    public const string Section = "Extract";

    public AdzunaOptions Adzuna { get; set; } = new();
    public FranceTravailOptions FranceTravail { get; set; } = new();
    public JSearchOptions JSearch { get; set; } = new();
    public TheMuseOptions TheMuse { get; set; } = new();

    public SourceOptions For(JobSource source) => source switch
    {
        JobSource.Adzuna => Adzuna,
        JobSource.FranceTravail => FranceTravail,
        JobSource.JSearch => JSearch,
        JobSource.TheMuse => TheMuse,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>Checks every source's options; throws naming <c>Extract:&lt;Source&gt;:&lt;Field&gt;</c>.</summary>
    public void Validate()
    {
        foreach (var source in Enum.GetValues<JobSource>())
        {
            For(source).Validate($"{Section}:{source}");
        }
    }
}

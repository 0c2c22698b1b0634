using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Runner.Extraction;

/// <summary>
/// What to extract: the sources (all when empty), an explicit start date (else incremental from the
/// last finished window), a page budget per source, and whether to replay the bundled samples offline.
/// </summary>
internal sealed record ExtractRequest(
    IReadOnlyList<JobSource>? Sources = null,
    DateTimeOffset? Since = null,
    int? MaxPages = null,
    bool Samples = false,
    string? SamplesFolder = null)
{
    public IReadOnlyList<JobSource> EffectiveSources => Sources is { Count: > 0 } ? Sources : Enum.GetValues<JobSource>();
}

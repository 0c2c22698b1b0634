namespace JobMarket.Warehouse.Runner.Extraction;

/// <summary>The result of an extract (or land) run: its <c>audit.run</c> id and each source's summary.</summary>
internal sealed record ExtractSummary(long RunId, IReadOnlyList<SourceSummary> Sources)
{
    public bool Succeeded => Sources.All(s => s.Status is not (SourceStatus.Failed or SourceStatus.Cancelled));

    public int Postings => Sources.Sum(s => s.Postings);
}

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>The outcome of an export run, recorded as <c>audit.run</c> <see cref="RunId"/>.</summary>
internal sealed record ExportResult(long RunId, IReadOnlyList<ExportOutcome> Exports)
{
    public bool Successful => Exports.All(e => e.Successful);
    public IEnumerable<string> Files => Exports.SelectMany(e => e.Files);
}

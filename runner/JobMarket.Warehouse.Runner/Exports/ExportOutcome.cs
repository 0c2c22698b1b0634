namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>One export's outcome: the files written and data rows, or the error.</summary>
internal sealed record ExportOutcome(string Name, IReadOnlyList<string> Files, long Rows, string? Error)
{
    public bool Successful => Error is null;
}

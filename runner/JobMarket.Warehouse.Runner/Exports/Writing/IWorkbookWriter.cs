namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Writes one export, sheet by sheet and row by row, without holding rows in memory.
/// Nothing is visible at the destination until <see cref="Complete"/>; disposing before that
/// removes the partial output.
/// </summary>
internal interface IWorkbookWriter : IDisposable
{
    void StartSheet(string name, IReadOnlyList<SheetColumn> columns);

    /// <summary>One row; <paramref name="values"/> is read during the call only, so callers may reuse it.</summary>
    void WriteRow(object?[] values);

    /// <summary>Finishes the output and returns the files written.</summary>
    IReadOnlyList<string> Complete(CoverPage cover);
}

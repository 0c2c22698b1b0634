namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>
/// One sheet: the SQL that fills it (written in the file, or generated from a model reference),
/// and the presentation of the columns it names.
/// </summary>
internal sealed record ExportSheet(string Name, string Sql, IReadOnlyList<ExportColumn> Columns, int Line)
{
    public ExportColumn? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

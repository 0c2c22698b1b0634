namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>One <c>models/exports/*.yml</c> file: a workbook and how to fill it.</summary>
internal sealed record ExportDefinition(
    string Name,
    string Title,
    string Description,
    string File,
    IReadOnlyList<ExportParameter> Parameters,
    IReadOnlyList<ExportSheet> Sheets,
    ExportSchedule? Schedule)
{
    public ExportParameter? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

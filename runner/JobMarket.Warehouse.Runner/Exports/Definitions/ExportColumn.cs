namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>Presentation of one result column: title, format and width (characters).</summary>
internal sealed record ExportColumn(string Name, string? Title, ColumnFormat Format, double? Width, int Line);

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A column documented in YAML.</summary>
internal sealed record ColumnSpec(string Name, string? Description, string? DataType, int Line);

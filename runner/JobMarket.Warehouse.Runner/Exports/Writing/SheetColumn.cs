using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>A result column as written: its title, value kind, display format and width.</summary>
internal sealed record SheetColumn(string Name, string Title, CellKind Kind, ColumnFormat Format, double Width);

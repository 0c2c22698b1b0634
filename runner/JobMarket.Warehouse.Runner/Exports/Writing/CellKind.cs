namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>The kind of values a result column holds, from its PostgreSQL type.</summary>
internal enum CellKind
{
    Text,
    Integer,
    Number,
    Date,
    DateTime,
    Boolean,
}

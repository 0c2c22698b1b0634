namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>How a column's values are shown; <see cref="Auto"/> picks from the column's SQL type.</summary>
internal enum ColumnFormat
{
    Auto,
    Text,
    Integer,
    Thousands,
    Decimal,
    Eur,
    EurCents,
    Percent,
    Date,
    DateTime,
    Boolean,
}

namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>The declared type of an export parameter; it decides parsing and the bound PostgreSQL type.</summary>
internal enum ExportParameterType
{
    Text,
    Integer,
    Decimal,
    Date,
    Boolean,
}

namespace JobMarket.Warehouse.Runner.Models.Parsing;

internal enum JinjaPartKind
{
    Text,
    Expression,
    If,
}

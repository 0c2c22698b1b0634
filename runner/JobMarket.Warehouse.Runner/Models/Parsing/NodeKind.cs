namespace JobMarket.Warehouse.Runner.Models.Parsing;

internal enum NodeKind
{
    Seed,
    Model,
    Test,
}

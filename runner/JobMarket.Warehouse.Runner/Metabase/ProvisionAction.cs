namespace JobMarket.Warehouse.Runner.Metabase;

internal enum ProvisionAction
{
    Unchanged,
    Create,
    Update,
}

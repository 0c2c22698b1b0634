namespace JobMarket.Warehouse.Extract.Synthetic;

internal enum RemotePolicy
{
    OnSite,
    Hybrid,
    Remote,
}

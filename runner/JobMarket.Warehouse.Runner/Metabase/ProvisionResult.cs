namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>The outcome of one provisioning run against one Metabase.</summary>
internal sealed record ProvisionResult(string Version, bool DryRun, IReadOnlyList<ProvisionChange> Changes)
{
    public int Created => Changes.Count(c => c.Action == ProvisionAction.Create);
    public int Updated => Changes.Count(c => c.Action == ProvisionAction.Update);
    public int Unchanged => Changes.Count(c => c.Action == ProvisionAction.Unchanged);

    public string Summary => DryRun
        ? $"Metabase {Version}: would create {Created}, update {Updated}; {Unchanged} unchanged"
        : $"Metabase {Version}: created {Created}, updated {Updated}; {Unchanged} unchanged";
}

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>What provisioning did (or, in a dry run, would do) to one object, and why.</summary>
internal sealed record ProvisionChange(ProvisionAction Action, string Kind, string Name, string? Detail = null)
{
    public string Describe(bool dryRun)
    {
        var verb = (Action, dryRun) switch
        {
            (ProvisionAction.Create, true) => "would create",
            (ProvisionAction.Update, true) => "would update",
            (ProvisionAction.Create, false) => "created",
            (ProvisionAction.Update, false) => "updated",
            _ => "unchanged",
        };
        return $"{verb,-13} {Kind,-10} {Name}{(Detail is null ? "" : $" ({Detail})")}";
    }
}

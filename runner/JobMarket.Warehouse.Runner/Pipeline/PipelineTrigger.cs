namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>The values of <c>audit.run.trigger</c>.</summary>
internal static class PipelineTrigger
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";
    public const string Demo = "demo";
}

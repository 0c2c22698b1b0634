namespace JobMarket.Warehouse.Runner.Runs;

/// <summary>The status values <c>audit.run</c> and <c>audit.run_step</c> accept.</summary>
internal static class RunStatus
{
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";
}

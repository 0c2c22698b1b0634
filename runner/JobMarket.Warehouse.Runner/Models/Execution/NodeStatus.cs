namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Statuses of a node in <c>audit.model_run.status</c> and <c>run_results.json</c>.</summary>
internal static class NodeStatus
{
    public const string Running = "running";
    public const string Success = "success";
    /// <summary>Built and published, but a warn-severity test failed (or a test node warned).</summary>
    public const string Warn = "warn";
    public const string Error = "error";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";
}

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>What the scheduler does at start about an occurrence that fell due while it was down.</summary>
internal enum MissedRunPolicy
{
    /// <summary>Run the job once at start (however many occurrences were missed), then follow the schedule.</summary>
    RunOnce,

    /// <summary>Wait for the next occurrence.</summary>
    Skip,
}

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>What a run does when another process holds the pipeline lock.</summary>
internal enum LockPolicy
{
    /// <summary>Wait for the lock (up to <see cref="PipelineOptions.LockWaitTimeout"/>), then run.</summary>
    Wait,

    /// <summary>Record the run as skipped, naming the holder, and return at once.</summary>
    Skip,
}

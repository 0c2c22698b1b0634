using System.ComponentModel.DataAnnotations;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary><c>Pipeline</c> section of appsettings: lock contention and transient-failure retries.</summary>
internal sealed class PipelineOptions
{
    public LockPolicy LockPolicy { get; set; } = LockPolicy.Wait;

    /// <summary>How long <see cref="LockPolicy.Wait"/> waits before giving up (the run is then recorded as skipped).</summary>
    public TimeSpan LockWaitTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Retries of a step after a transient failure (network, PostgreSQL restart, HTTP 5xx).</summary>
    [Range(0, 10)]
    public int TransientRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubled each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

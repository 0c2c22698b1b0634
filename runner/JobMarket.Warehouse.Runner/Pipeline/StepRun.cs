using JobMarket.Warehouse.Runner.Runs;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>How one execution of a step ended: its result, its failure, or a cancellation.</summary>
internal sealed record StepRun(IPipelineStep Step, StepResult? Result, Exception? Error, bool Cancelled, TimeSpan Duration)
{
    public bool Succeeded => Result is not null;

    public string Status =>
        Cancelled ? RunStatus.Cancelled
        : Error is not null ? RunStatus.Failed
        : Result!.SkippedBecause is null ? RunStatus.Success
        : RunStatus.Skipped;

    /// <summary>The error or skip reason, as recorded in <c>audit.run_step.error</c>.</summary>
    public string? Message =>
        Cancelled ? "cancelled (SIGTERM or Ctrl+C)"
        : Error switch
        {
            null => Result?.SkippedBecause,
            WarehouseException ex => ex.Message,
            PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
            var ex => $"{ex.GetType().Name}: {ex.Message}",
        };
}

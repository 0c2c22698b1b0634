namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>What a step reports: rows it wrote, free-form detail for <c>audit.run_step.detail</c>, or that it did not run.</summary>
internal sealed record StepResult(long? Rows, object? Detail = null, string? SkippedBecause = null)
{
    public static StepResult Done(long? rows, object? detail = null) => new(rows, detail);

    /// <summary>The step is wired in the catalog but its service is not on this build yet.</summary>
    public static StepResult NotAvailable(string reason) => new(null, new { reason }, reason);
}

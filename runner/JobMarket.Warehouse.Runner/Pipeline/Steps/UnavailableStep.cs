namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>
/// A step whose service is not part of this build yet: recorded as skipped with the reason, so the
/// history and the demo say "not available yet" instead of pretending it ran.
/// </summary>
internal sealed class UnavailableStep(string name, string reason) : IPipelineStep
{
    public string Name => name;

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default) =>
        Task.FromResult(StepResult.NotAvailable(reason));
}

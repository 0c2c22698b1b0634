using JobMarket.Warehouse.Runner.Runs;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>How a pipeline run ended; a failure is a value the CLI maps to exit code 1.</summary>
internal sealed record PipelineOutcome(long RunId, string Status, IReadOnlyList<StepReport> Steps, string? FailedStep = null, string? Error = null)
{
    public bool Succeeded => Status == RunStatus.Success;

    /// <summary>One line for the operator: what happened, naming the failing step.</summary>
    public string Summary => Status switch
    {
        RunStatus.Success => $"run {RunId} succeeded ({Steps.Count} steps)",
        RunStatus.Skipped => $"run {RunId} skipped: {Error}",
        RunStatus.Cancelled => $"run {RunId} cancelled during step '{FailedStep}'",
        _ => $"run {RunId} failed at step '{FailedStep}': {Error}",
    };
}

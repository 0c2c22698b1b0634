namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// One step of a recorded run (migrate, extract, build, export…). Steps must be safe to run again
/// after a failure or a crash: the runner retries transient failures by running the step again.
/// </summary>
internal interface IPipelineStep
{
    /// <summary>The name recorded in <c>audit.run_step.step</c> and shown to operators.</summary>
    string Name { get; }

    Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default);
}

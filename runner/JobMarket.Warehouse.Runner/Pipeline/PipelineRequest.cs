namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// One pipeline run to record: the command (<c>refresh</c>, <c>extract</c>…), who triggered it
/// (<c>manual</c>, <c>schedule</c>, <c>demo</c>), and for scheduled runs the job and the occurrence
/// it stands for (so two schedulers never run the same occurrence twice). <see cref="LockPolicy"/>
/// overrides <c>Pipeline:LockPolicy</c> for this run.
/// </summary>
internal sealed record PipelineRequest(
    string Command,
    string Trigger = PipelineTrigger.Manual,
    string? Job = null,
    DateTimeOffset? ScheduledFor = null,
    IReadOnlyList<string>? Arguments = null,
    LockPolicy? LockPolicy = null);

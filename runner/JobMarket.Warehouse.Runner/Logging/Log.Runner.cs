using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>Runner area (8xxx): the pipeline, the scheduler, the demo.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Run {RunId} step {Step} started")]
    public static partial void StepStarted(ILogger logger, long runId, string step);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Run {RunId} step {Step}: {Status} in {Seconds:0.0} s, rows: {Rows}")]
    public static partial void StepFinished(ILogger logger, long runId, string step, string status, double seconds, string rows);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "Run {RunId} step {Step} failed")]
    public static partial void StepFailed(ILogger logger, long runId, string step, Exception exception);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Run {RunId} step {Step}: transient failure, retry {Attempt} in {Delay}: {Error}")]
    public static partial void StepRetrying(ILogger logger, long runId, string step, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Marked abandoned run {RunId} as failed (its process ended without finishing)")]
    public static partial void StaleRunMarked(ILogger logger, long runId);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "Waiting for the pipeline lock, held by {Holder}")]
    public static partial void WaitingForLock(ILogger logger, string holder);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "Skipped {Command}: {Reason}")]
    public static partial void RunSkipped(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Warning, Message = "Run {RunId} cancelled during step {Step}")]
    public static partial void RunCancelled(ILogger logger, long runId, string step);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Scheduler started: {Count} job(s)")]
    public static partial void SchedulerStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Job {Job}: next run at {NextLocal} ({TimeZone}), {NextUtc:u}")]
    public static partial void JobNextRun(ILogger logger, string job, string nextLocal, string timeZone, DateTimeOffset nextUtc);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Job {Job}: the run due at {DueUtc:u} was missed while the scheduler was down; running it now")]
    public static partial void JobMissedRun(ILogger logger, string job, DateTimeOffset dueUtc);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Job {Job} finished: {Status}")]
    public static partial void JobFinished(ILogger logger, string job, string status);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Error, Message = "Job {Job} failed; its next occurrence still runs")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 8106, Level = LogLevel.Information, Message = "Scheduler stopping: {Reason}")]
    public static partial void SchedulerStopping(ILogger logger, string reason);
}

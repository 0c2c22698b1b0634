using System.Diagnostics;
using Dapper;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// Runs steps as one recorded run (<c>audit.run</c> + one <c>audit.run_step</c> per step) under the
/// pipeline lock: marks runs abandoned by killed processes as failed, retries transient failures,
/// stops at the first failing step (the rest are recorded as skipped) and records a cancellation
/// (SIGTERM, Ctrl+C) as such.
/// </summary>
internal sealed class PipelineRunner(
    NpgsqlDataSource dataSource, RunRecorder recorder, IOptions<PipelineOptions> options, ILogger<PipelineRunner> logger)
{
    public async Task<PipelineOutcome> RunAsync(
        PipelineRequest request, IReadOnlyList<IPipelineStep> steps, Action<StepReport>? report = null, CancellationToken ct = default)
    {
        var settings = options.Value;
        var policy = request.LockPolicy ?? settings.LockPolicy;
        await using var pipelineLock = await PipelineLock.AcquireAsync(
            dataSource, policy, settings.LockWaitTimeout,
            async () => Log.WaitingForLock(logger, await PipelineLock.DescribeHolderAsync(dataSource, ct)), ct);
        if (pipelineLock is null)
        {
            var holder = await PipelineLock.DescribeHolderAsync(dataSource, ct);
            return await SkipAsync(request, policy == LockPolicy.Skip
                ? $"the pipeline is already running: {holder} holds the lock (lock policy: skip)"
                : $"gave up waiting {settings.LockWaitTimeout} for the pipeline lock held by {holder}", ct);
        }
        // On a fresh database the audit tables come from the leading migrate step: run it before the
        // run can be recorded, then record it with its real outcome.
        var early = new List<StepRun>();
        if (!await AuditReadyAsync(ct))
        {
            while (early.Count < steps.Count && steps[early.Count] is IPipelineBootstrapStep && early.LastOrDefault() is null or { Succeeded: true })
            {
                report?.Invoke(new StepReport(early.Count + 1, steps.Count, steps[early.Count].Name, RunStatus.Running));
                early.Add(await ExecuteAsync(steps[early.Count], new PipelineContext(0, request), settings, ct));
            }
            if (!await AuditReadyAsync(CancellationToken.None))
            {
                var failed = early.LastOrDefault(r => !r.Succeeded)
                    ?? throw new WarehouseException("the audit tables do not exist yet: run 'jobmarket migrate' first");
                var reportOnly = Report(early.Count - 1, steps.Count, failed.Step.Name, failed.Status, null, failed.Duration, failed.Message, report);
                return new PipelineOutcome(0, failed.Status, [reportOnly], failed.Step.Name, failed.Message);
            }
        }
        if (request.Job is not null && request.ScheduledFor is { } due && await AlreadyRanAsync(request.Job, due, ct) is { } earlier)
        {
            return await SkipAsync(request, $"the occurrence due at {due:u} already ran as run {earlier}", ct);
        }

        var runId = await StartRunAsync(request, RunStatus.Running, null, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            foreach (var stale in await StaleRunSweeper.SweepAsync(connection, runId, ct))
            {
                Log.StaleRunMarked(logger, stale);
            }
        }

        var context = new PipelineContext(runId, request);
        var reports = new List<StepReport>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            // Recorded even when cancellation is pending, so the step that saw it is named in the history.
            var ordinal = await recorder.StartStepAsync(runId, step.Name, CancellationToken.None);
            StepRun run;
            if (i < early.Count)
            {
                run = early[i];
            }
            else
            {
                Log.StepStarted(logger, runId, step.Name);
                report?.Invoke(new StepReport(i + 1, steps.Count, step.Name, RunStatus.Running));
                run = await ExecuteAsync(step, context, settings, ct);
            }
            await recorder.FinishStepAsync(runId, ordinal, run.Status, run.Result?.Rows, run.Result?.Detail, run.Message, CancellationToken.None);
            await BackdateStepAsync(runId, ordinal, run.Duration);
            Log.StepFinished(logger, runId, step.Name, run.Status, run.Duration.TotalSeconds, run.Result?.Rows?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            reports.Add(Report(i, steps.Count, step.Name, run.Status, run.Result?.Rows, run.Duration, run.Message, report));
            if (run.Status == RunStatus.Cancelled)
            {
                await recorder.FinishRunAsync(runId, RunStatus.Cancelled, $"cancelled during step '{step.Name}'", CancellationToken.None);
                Log.RunCancelled(logger, runId, step.Name);
                return new PipelineOutcome(runId, RunStatus.Cancelled, reports, step.Name, run.Message);
            }
            if (run.Status == RunStatus.Failed)
            {
                if (run.Error is { } ex)
                {
                    Log.StepFailed(logger, runId, step.Name, ex);
                }
                await SkipRemainingAsync(runId, steps.Skip(i + 1), step.Name);
                await recorder.FinishRunAsync(runId, RunStatus.Failed, $"step '{step.Name}' failed: {run.Message}", CancellationToken.None);
                return new PipelineOutcome(runId, RunStatus.Failed, reports, step.Name, run.Message);
            }
        }
        await recorder.FinishRunAsync(runId, RunStatus.Success, null, CancellationToken.None);
        return new PipelineOutcome(runId, RunStatus.Success, reports);
    }

    /// <summary>Runs one step with transient retries; a failure or a cancellation becomes a value.</summary>
    private async Task<StepRun> ExecuteAsync(IPipelineStep step, PipelineContext context, PipelineOptions settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await Retry(settings, context.RunId, step.Name).ExecuteAsync(
                async token => await step.RunAsync(context, token), ct);
            return new StepRun(step, result, null, false, clock.Elapsed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new StepRun(step, null, null, true, clock.Elapsed);
        }
        catch (Exception ex)
        {
            return new StepRun(step, null, ex, false, clock.Elapsed);
        }
    }

    // The step row is written when the step ends; its start is the step's real start.
    private async Task BackdateStepAsync(long runId, int ordinal, TimeSpan duration)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "update audit.run_step set started_at = finished_at - @duration where run_id = @runId and ordinal = @ordinal",
            new { runId, ordinal, duration });
    }

    private async Task<bool> AuditReadyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            select exists (
                select from information_schema.columns
                where table_schema = 'audit' and table_name = 'run' and column_name = 'scheduled_for'
            )
            """, cancellationToken: ct));
    }

    private static StepReport Report(int i, int count, string step, string status, long? rows, TimeSpan duration, string? message, Action<StepReport>? report)
    {
        var stepReport = new StepReport(i + 1, count, step, status, rows, duration, message);
        report?.Invoke(stepReport);
        return stepReport;
    }

    private async Task SkipRemainingAsync(long runId, IEnumerable<IPipelineStep> remaining, string failedStep)
    {
        foreach (var step in remaining)
        {
            var ordinal = await recorder.StartStepAsync(runId, step.Name, CancellationToken.None);
            await recorder.FinishStepAsync(runId, ordinal, RunStatus.Skipped, error: $"not run: step '{failedStep}' failed", ct: CancellationToken.None);
        }
    }

    private ResiliencePipeline Retry(PipelineOptions settings, long runId, string step)
    {
        if (settings.TransientRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailure.IsTransient),
                MaxRetryAttempts = settings.TransientRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    Log.StepRetrying(logger, runId, step, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "");
                    return default;
                },
            })
            .Build();
    }

    private async Task<PipelineOutcome> SkipAsync(PipelineRequest request, string reason, CancellationToken ct)
    {
        var runId = await StartRunAsync(request, RunStatus.Skipped, reason, ct);
        Log.RunSkipped(logger, request.Command, reason);
        return new PipelineOutcome(runId, RunStatus.Skipped, [], null, reason);
    }

    private async Task<long?> AlreadyRanAsync(string job, DateTimeOffset due, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            select run_id from audit.run
            where job = @job and scheduled_for = @due and status <> 'skipped'
            order by run_id limit 1
            """, new { job, due }, cancellationToken: ct));
    }

    private async Task<long> StartRunAsync(PipelineRequest request, string status, string? error, CancellationToken ct)
    {
        var runId = await recorder.StartRunAsync(request.Command, new { arguments = request.Arguments ?? [] }, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update audit.run
            set is_pipeline = true, trigger = @Trigger, job = @Job, scheduled_for = @ScheduledFor,
                status = @status, error = @error,
                finished_at = case when @status = 'running' then null else clock_timestamp() end
            where run_id = @runId
            """,
            new { runId, request.Trigger, request.Job, request.ScheduledFor, status, error }, cancellationToken: ct));
        return runId;
    }

}

using Dapper;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Pipeline;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>
/// Runs one occurrence of a job in-process through the same pipeline as the CLI. A failure is
/// logged and recorded, never thrown: the job's next occurrence still runs.
/// </summary>
internal sealed class JobExecutor(PipelineRunner runner, IPipelineStepSource steps, NpgsqlDataSource dataSource, ILogger<JobExecutor> logger)
{
    public async Task<PipelineOutcome?> RunAsync(ScheduledJob job, DateTimeOffset scheduledFor, CancellationToken ct = default)
    {
        try
        {
            var request = new PipelineRequest(job.Options.Command, PipelineTrigger.Schedule, job.Name, scheduledFor, job.Options.Arguments);
            var outcome = await runner.RunAsync(request, steps.For(job.Options.Command), null, ct);
            Log.JobFinished(logger, job.Name, outcome.Summary);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.JobFailed(logger, job.Name, ex);
            return null;
        }
    }

    /// <summary>The occurrence missed while the scheduler was down, per <see cref="MissedRun"/>; null when none or unknown.</summary>
    public async Task<DateTimeOffset?> FindMissedAsync(ScheduledJob job, DateTimeOffset now, TimeSpan lookBack, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "select max(scheduled_for) from audit.run where job = @job",
                new { job = job.Name }, cancellationToken: ct));
            return MissedRun.Find(job.Schedule, now, lookBack, last is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)) : null);
        }
        catch (Exception ex) when (ex is NpgsqlException)
        {
            // Unknown history (database unreachable, not migrated yet): wait for the next occurrence.
            Log.JobFailed(logger, job.Name, ex);
            return null;
        }
    }
}

using JobMarket.Warehouse.Runner.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>
/// The hosted scheduler: one loop per job — run a missed occurrence once at start (per the policy),
/// then sleep until the next occurrence and run it. Occurrences that fall due while the same job is
/// still running are not queued. Stopping (SIGTERM) cancels the current step, which the pipeline
/// records as cancelled.
/// </summary>
internal sealed class SchedulerService(
    IOptions<ScheduleOptions> options, JobExecutor executor, TimeProvider time, ILogger<SchedulerService> logger) : BackgroundService
{
    // Sleep in slices so a clock change (NTP, VM resume) is noticed within the slice.
    private static readonly TimeSpan s_maxSleep = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var jobs = settings.Jobs.Select(ScheduledJob.From).ToList();
        Log.SchedulerStarted(logger, jobs.Count);
        await Task.WhenAll(jobs.Select(job => RunJobAsync(job, settings, stoppingToken)));
        Log.SchedulerStopping(logger, "stop requested");
    }

    private async Task RunJobAsync(ScheduledJob job, ScheduleOptions settings, CancellationToken ct)
    {
        try
        {
            if ((job.Options.MissedRunPolicy ?? settings.MissedRunPolicy) == MissedRunPolicy.RunOnce
                && await executor.FindMissedAsync(job, time.GetUtcNow(), settings.MissedRunLookBack, ct) is { } missed)
            {
                Log.JobMissedRun(logger, job.Name, missed);
                await executor.RunAsync(job, missed, ct);
            }
            while (!ct.IsCancellationRequested)
            {
                var next = job.Schedule.GetNextOccurrence(time.GetUtcNow());
                Log.JobNextRun(logger, job.Name, TimeZoneInfo.ConvertTime(next, job.Schedule.TimeZone).ToString("yyyy-MM-dd HH:mm zzz"), job.Schedule.TimeZone.Id, next);
                for (var now = time.GetUtcNow(); now < next; now = time.GetUtcNow())
                {
                    var wait = next - now;
                    await Task.Delay(wait < s_maxSleep ? wait : s_maxSleep, time, ct);
                }
                await executor.RunAsync(job, next, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the pipeline has recorded the interrupted run as cancelled.
        }
    }
}

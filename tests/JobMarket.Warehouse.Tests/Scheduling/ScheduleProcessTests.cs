using Dapper;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using JobMarket.Warehouse.Tests.Pipeline;

namespace JobMarket.Warehouse.Tests.Scheduling;

/// <summary><c>jobmarket schedule</c> as a real process: start-up validation, missed runs, SIGTERM.</summary>
public sealed class ScheduleProcessTests
{
    [Fact]
    public async Task Schedule_FailsAtStartNamingTheJob_WhenCronIsInvalid()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync("schedule");
        using var child = CliProcess.Start(connectionString, new Dictionary<string, string>
        {
            ["JOBMARKET_Schedule__Jobs__0__Name"] = "nightly",
            ["JOBMARKET_Schedule__Jobs__0__Cron"] = "0 25 * * *",
        }, "schedule");

        var exitCode = await child.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("job 'nightly' (Schedule:Jobs:0): cron '0 25 * * *' is not a valid cron expression", child.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_RunsTheMissedOccurrenceAndRecordsItCancelled_WhenSigtermArrivesDuringAStep()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("schedule");
        var lastRun = DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(6);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // The job last ran three days ago: the scheduler was down since, so it runs once at start.
            await connection.ExecuteAsync(
                "insert into audit.run (command, status, is_pipeline, trigger, job, scheduled_for, finished_at) values ('migrate', 'success', true, 'schedule', 'catch-up', @lastRun, @lastRun)",
                new { lastRun = new DateTimeOffset(lastRun, TimeSpan.Zero) });
        }
        await using var blocker = await PipelineTestDatabase.BlockMigrationsAsync(dataSource);
        using var child = CliProcess.Start(dataSource.ConnectionString, new Dictionary<string, string>
        {
            ["JOBMARKET_Schedule__Jobs__0__Name"] = "catch-up",
            ["JOBMARKET_Schedule__Jobs__0__Cron"] = "0 6 * * *",
            ["JOBMARKET_Schedule__Jobs__0__TimeZone"] = "UTC",
            ["JOBMARKET_Schedule__Jobs__0__Command"] = "migrate",
        }, "schedule");
        var runId = await PipelineTestDatabase.WaitForBlockedStepAsync(dataSource, "migrate", child);

        child.Signal(CliProcess.SigTerm);
        var exitCode = await child.WaitForExitAsync();

        Assert.True(exitCode == 0, $"stdout:\n{child.Output}\nstderr:\n{child.Error}");
        Assert.Contains("Job catch-up: the run due at", child.Error, StringComparison.Ordinal);
        await using var check = await dataSource.OpenConnectionAsync();
        var run = await check.QuerySingleAsync<(string Status, string Trigger, string Job, DateTime ScheduledFor)>(
            "select status, trigger, job, scheduled_for from audit.run where run_id = @runId", new { runId });
        Assert.Equal((RunStatus.Cancelled, "schedule", "catch-up"), (run.Status, run.Trigger, run.Job));
        Assert.True(run.ScheduledFor > lastRun, $"the missed occurrence {run.ScheduledFor:u} is after the last run {lastRun:u}");
        Assert.Equal([("migrate", RunStatus.Cancelled)], (await PipelineTestDatabase.StepsAsync(dataSource, runId)).Select(s => (s.Step, s.Status)).ToList());
    }
}

using Dapper;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Runner.Scheduling;
using JobMarket.Warehouse.Tests.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Scheduling;

public sealed class JobExecutorTests
{
    private static readonly DateTimeOffset s_due = new(2026, 6, 3, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Wait")]
    [InlineData("Skip")]
    public async Task RunAsync_RunsTheOccurrenceOnce_WhenTwoSchedulersContend(string lockPolicy)
    {
        var policy = Enum.Parse<LockPolicy>(lockPolicy);
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("scheduler");
        var release = new TaskCompletionSource();
        var refresh = new TestStep("build", async (_, _, _) => { await release.Task; return StepResult.Done(1); });
        var job = ScheduledJob.From(new ScheduledJobOptions { Name = "daily-refresh", Cron = "0 6 * * *", TimeZone = "Europe/Paris", Command = "refresh" });
        // Two scheduler processes: each its own data source and executor, the same job and occurrence.
        await using var otherProcess = NpgsqlDataSource.Create(dataSource.ConnectionString);
        var first = Executor(dataSource, policy, refresh).RunAsync(job, s_due);
        await refresh.Started.Task;
        var second = Executor(otherProcess, policy, refresh).RunAsync(job, s_due);
        if (policy == LockPolicy.Skip)
        {
            await second;
        }
        release.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        Assert.Equal(1, refresh.Attempts);
        Assert.Equal([RunStatus.Skipped, RunStatus.Success], outcomes.Select(o => o!.Status).Order().ToList());
        await using var connection = await dataSource.OpenConnectionAsync();
        var recorded = (await connection.QueryAsync<string>(
            "select status from audit.run where job = 'daily-refresh' and scheduled_for = @s_due order by status", new { s_due })).ToList();
        Assert.Equal([RunStatus.Skipped, RunStatus.Success], recorded);
    }

    [Fact]
    public async Task RunAsync_LogsAndReturns_WhenTheJobFails_SoTheNextOccurrenceStillRuns()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("scheduler");
        var failing = new TestStep("build", (attempt, _, _) => attempt == 1 ? throw new InvalidOperationException("boom") : Task.FromResult(StepResult.Done(2)));
        var job = ScheduledJob.From(new ScheduledJobOptions { Name = "hourly", Cron = "0 * * * *", TimeZone = "UTC", Command = "build" });
        var executor = Executor(dataSource, LockPolicy.Wait, failing);

        var firstOutcome = await executor.RunAsync(job, s_due);
        var nextOutcome = await executor.RunAsync(job, s_due.AddHours(1));

        Assert.Equal(RunStatus.Failed, firstOutcome!.Status);
        Assert.Equal(RunStatus.Success, nextOutcome!.Status);
    }

    [Fact]
    public async Task FindMissedAsync_ReturnsTheLastDueOccurrence_WhenTheSchedulerWasDown()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("scheduler");
        var job = ScheduledJob.From(new ScheduledJobOptions { Name = "daily-refresh", Cron = "0 6 * * *", TimeZone = "Europe/Paris", Command = "refresh" });
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "insert into audit.run (command, status, is_pipeline, trigger, job, scheduled_for) values ('refresh', 'success', true, 'schedule', 'daily-refresh', @last)",
                new { last = s_due.AddDays(-2) });
        }
        var executor = Executor(dataSource, LockPolicy.Wait, new TestStep("build", (_, _, _) => Task.FromResult(StepResult.Done(0))));

        var missed = await executor.FindMissedAsync(job, s_due.AddHours(3), TimeSpan.FromDays(7));
        var notMissed = await executor.FindMissedAsync(job, s_due.AddDays(-2).AddHours(3), TimeSpan.FromDays(7));

        Assert.Equal(s_due, missed);
        Assert.Null(notMissed);
    }

    private static JobExecutor Executor(NpgsqlDataSource dataSource, LockPolicy policy, IPipelineStep step) =>
        new(PipelineTestDatabase.Runner(dataSource, policy), new SingleStepSource(step), dataSource, NullLogger<JobExecutor>.Instance);

    private sealed class SingleStepSource(IPipelineStep step) : IPipelineStepSource
    {
        public IReadOnlyList<IPipelineStep> For(string command) => [step];
    }
}

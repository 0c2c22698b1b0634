using Dapper;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Pipeline;

/// <summary><c>jobmarket refresh</c> as a real process: killed, terminated, run again.</summary>
public sealed class RefreshProcessTests
{
    [Fact]
    public async Task Refresh_RecordsKilledRunFailedAndFinishes_WhenRunAgainAfterSigkill()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("refresh");
        long killedRunId;
        await using (await PipelineTestDatabase.BlockMigrationsAsync(dataSource))
        {
            using var child = CliProcess.Start(dataSource.ConnectionString, null, "refresh");
            killedRunId = await PipelineTestDatabase.WaitForBlockedStepAsync(dataSource, "migrate", child);
            child.Signal(CliProcess.SigKill);
            await child.WaitForExitAsync();
        }

        using var again = await CliProcess.RunAsync(dataSource.ConnectionString, "refresh");

        Assert.True(again.ExitCode == 0, $"stdout:\n{again.Output}\nstderr:\n{again.Error}");
        var killed = await PipelineTestDatabase.RunAsync(dataSource, killedRunId);
        Assert.Equal(RunStatus.Failed, killed.Status);
        Assert.Contains("abandoned", killed.Error, StringComparison.Ordinal);
        Assert.Equal([("migrate", RunStatus.Failed)], (await PipelineTestDatabase.StepsAsync(dataSource, killedRunId)).Select(s => (s.Step, s.Status)).ToList());
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from audit.run where status = 'running'"));
        Assert.Equal(
            Directory.GetFiles(RepositoryPaths.Project.Migrations, "V*.sql").Length,
            await connection.ExecuteScalarAsync<int>("select count(*) from public.schemaversions"));
    }

    [Fact]
    public async Task Refresh_RecordsCancelledAndExitsOne_WhenSigtermArrivesDuringAStep()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("refresh");
        await using var blocker = await PipelineTestDatabase.BlockMigrationsAsync(dataSource);
        using var child = CliProcess.Start(dataSource.ConnectionString, null, "refresh");
        var runId = await PipelineTestDatabase.WaitForBlockedStepAsync(dataSource, "migrate", child);

        child.Signal(CliProcess.SigTerm);
        var exitCode = await child.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("cancelled during step 'migrate'", child.Error, StringComparison.Ordinal);
        var run = await PipelineTestDatabase.RunAsync(dataSource, runId);
        Assert.Equal((RunStatus.Cancelled, "cancelled during step 'migrate'"), (run.Status, run.Error));
        Assert.Equal([("migrate", RunStatus.Cancelled)], (await PipelineTestDatabase.StepsAsync(dataSource, runId)).Select(s => (s.Step, s.Status)).ToList());
    }

    [Fact]
    public async Task Refresh_ExitsZeroAndSkips_WhenAnotherRunHoldsTheLockAndSkipIfRunningIsSet()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("refresh");
        await using var blocker = await PipelineTestDatabase.BlockMigrationsAsync(dataSource);
        using var holder = CliProcess.Start(dataSource.ConnectionString, null, "refresh");
        var holderRunId = await PipelineTestDatabase.WaitForBlockedStepAsync(dataSource, "migrate", holder);

        using var loser = await CliProcess.RunAsync(dataSource.ConnectionString, "refresh", "--skip-if-running");
        await blocker.DisposeAsync();
        var holderExit = await holder.WaitForExitAsync();

        Assert.True(loser.ExitCode == 0, loser.Error);
        Assert.Contains($"skipped: the pipeline is already running: run {holderRunId} (refresh, pid {holder.Id}", loser.Output, StringComparison.Ordinal);
        Assert.True(holderExit == 0, $"stdout:\n{holder.Output}\nstderr:\n{holder.Error}");
    }
}

using Dapper;
using JobMarket.Warehouse.Runner;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Pipeline.Steps;
using JobMarket.Warehouse.Runner.Runs;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Pipeline;

public sealed class PipelineRunnerTests
{
    private static readonly PipelineRequest s_refresh = new("refresh");

    [Fact]
    public async Task RunAsync_RecordsEveryStepWithStatusAndRows_WhenAllStepsSucceed()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var load = new TestStep("load", async (_, _, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await connection.ExecuteAsync("create table if not exists public.loaded (n int); insert into public.loaded select generate_series(1, 3)");
            return StepResult.Done(3);
        });

        var outcome = await PipelineTestDatabase.Runner(dataSource).RunAsync(
            s_refresh, [new MigrateStep(PipelineTestDatabase.Migrator(dataSource)), load]);

        Assert.True(outcome.Succeeded, outcome.Summary);
        var run = await PipelineTestDatabase.RunAsync(dataSource, outcome.RunId);
        Assert.Equal((RunStatus.Success, null, true), (run.Status, run.Error, run.IsPipeline));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(
            [("migrate", RunStatus.Success, 0L, null), ("load", RunStatus.Success, 3L, null)],
            (await PipelineTestDatabase.StepsAsync(dataSource, outcome.RunId)).Select(s => (s.Step, s.Status, s.Rows, s.Error)).ToList());
    }

    [Fact]
    public async Task RunAsync_FailsNamingTheStepAndSkipsTheRest_WhenAStepThrows()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var first = new TestStep("first", (_, _, _) => Task.FromResult(StepResult.Done(1)));
        var broken = new TestStep("broken", (_, _, _) => throw new WarehouseException("models/core/job_posting.sql:12: column \"x\" does not exist"));
        var last = new TestStep("last", (_, _, _) => Task.FromResult(StepResult.Done(1)));

        var outcome = await PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [first, broken, last]);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal("broken", outcome.FailedStep);
        Assert.Contains("failed at step 'broken'", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(0, last.Attempts);
        var run = await PipelineTestDatabase.RunAsync(dataSource, outcome.RunId);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("step 'broken' failed: models/core/job_posting.sql:12", run.Error, StringComparison.Ordinal);
        Assert.Equal(
            [RunStatus.Success, RunStatus.Failed, RunStatus.Skipped],
            (await PipelineTestDatabase.StepsAsync(dataSource, outcome.RunId)).Select(s => s.Status).ToList());
    }

    [Fact]
    public async Task RunAsync_RetriesTheStep_WhenTheFailureIsTransient()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        // What Npgsql throws when the server drops the connection: an NpgsqlException over an IOException.
        var flaky = new TestStep("extract", (attempt, _, _) => attempt < 3
            ? throw new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))
            : Task.FromResult(StepResult.Done(7)));

        var outcome = await PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [flaky]);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(7L, (await PipelineTestDatabase.StepsAsync(dataSource, outcome.RunId)).Single().Rows);
    }

    [Fact]
    public async Task RunAsync_DoesNotRetry_WhenTheFailureIsNotTransient()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var badSql = new TestStep("build", async (_, _, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await connection.ExecuteAsync("select * from core.missing_table");
            return StepResult.Done(0);
        });

        var outcome = await PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [badSql]);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal(1, badSql.Attempts);
        Assert.Equal("42P01: relation \"core.missing_table\" does not exist", outcome.Error);
    }

    [Fact]
    public async Task RunAsync_SkipsNamingTheHolder_WhenAnotherRunHoldsTheLockAndPolicyIsSkip()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var release = new TaskCompletionSource();
        var slow = new TestStep("build", async (_, _, _) => { await release.Task; return StepResult.Done(1); });
        var first = PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [slow]);
        await slow.Started.Task;

        // A second process: its own data source, as a manual refresh next to the scheduler would have.
        await using var otherProcess = NpgsqlDataSource.Create(dataSource.ConnectionString);
        var second = await PipelineTestDatabase.Runner(otherProcess, LockPolicy.Skip).RunAsync(s_refresh, [new TestStep("build", (_, _, _) => Task.FromResult(StepResult.Done(1)))]);
        release.SetResult();
        var firstOutcome = await first;

        Assert.True(firstOutcome.Succeeded, firstOutcome.Summary);
        Assert.Equal(RunStatus.Skipped, second.Status);
        Assert.Contains($"run {firstOutcome.RunId} (refresh, pid {Environment.ProcessId}", second.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Skipped, (await PipelineTestDatabase.RunAsync(dataSource, second.RunId)).Status);
    }

    [Fact]
    public async Task RunAsync_WaitsThenRuns_WhenAnotherRunHoldsTheLockAndPolicyIsWait()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var release = new TaskCompletionSource();
        var slow = new TestStep("build", async (_, _, _) => { await release.Task; return StepResult.Done(1); });
        var first = PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [slow]);
        await slow.Started.Task;
        var quick = new TestStep("build", (_, _, _) => Task.FromResult(StepResult.Done(1)));
        await using var otherProcess = NpgsqlDataSource.Create(dataSource.ConnectionString);

        var second = PipelineTestDatabase.Runner(otherProcess).RunAsync(s_refresh, [quick]);
        await Task.Delay(300);
        var ranWhileHeld = quick.Attempts;
        release.SetResult();

        Assert.Equal(0, ranWhileHeld);
        Assert.True((await first).Succeeded);
        Assert.True((await second).Succeeded);
        Assert.Equal(1, quick.Attempts);
    }

    [Fact]
    public async Task RunAsync_MarksAbandonedRunsFailed_WhenItTakesTheLock()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        long abandoned;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // What a SIGKILLed refresh leaves: its run and its step still 'running'.
            abandoned = await connection.ExecuteScalarAsync<long>(
                "insert into audit.run (command, host, pid, is_pipeline) values ('refresh', 'elsewhere', 424242, true) returning run_id");
            await connection.ExecuteAsync("insert into audit.run_step (run_id, ordinal, step) values (@abandoned, 1, 'build')", new { abandoned });
        }

        var outcome = await PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [new TestStep("build", (_, _, _) => Task.FromResult(StepResult.Done(1)))]);

        Assert.True(outcome.Succeeded);
        var run = await PipelineTestDatabase.RunAsync(dataSource, abandoned);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("abandoned: process 424242 on elsewhere", run.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, (await PipelineTestDatabase.StepsAsync(dataSource, abandoned)).Single().Status);
    }

    [Fact]
    public async Task RunAsync_RecordsCancelled_WhenCancelledDuringAStep()
    {
        await using var dataSource = await PipelineTestDatabase.MigratedAsync("pipeline");
        var endless = new TestStep("build", async (_, _, ct) => { await Task.Delay(Timeout.Infinite, ct); return StepResult.Done(0); });
        var after = new TestStep("export", (_, _, _) => Task.FromResult(StepResult.Done(1)));
        using var cancellation = new CancellationTokenSource();

        var running = PipelineTestDatabase.Runner(dataSource).RunAsync(s_refresh, [endless, after], ct: cancellation.Token);
        await endless.Started.Task;
        await cancellation.CancelAsync();
        var outcome = await running;

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal("build", outcome.FailedStep);
        Assert.Equal(0, after.Attempts);
        var run = await PipelineTestDatabase.RunAsync(dataSource, outcome.RunId);
        Assert.Equal((RunStatus.Cancelled, "cancelled during step 'build'"), (run.Status, run.Error));
        Assert.Equal([RunStatus.Cancelled], (await PipelineTestDatabase.StepsAsync(dataSource, outcome.RunId)).Select(s => s.Status).ToList());
    }

    [Fact]
    public async Task RunAsync_SucceedsBothTimes_WhenRunTwiceInARowFromAFreshDatabase()
    {
        await using var dataSource = NpgsqlDataSource.Create(await Infrastructure.PostgresCluster.CreateDatabaseAsync("pipeline"));
        using var output = new Infrastructure.TempFolder();
        var exports = new global::JobMarket.Warehouse.Runner.Exports.ExportRunner(dataSource,
            new global::JobMarket.Warehouse.Runner.Exports.ExportOptions { DefinitionsFolder = Path.Combine(Infrastructure.RepositoryPaths.Project.Models, "exports"), OutputFolder = output.Path },
            new RunRecorder(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<RunRecorder>.Instance),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<global::JobMarket.Warehouse.Runner.Exports.ExportRunner>.Instance);
        var catalog = new PipelineStepCatalog(PipelineTestDatabase.Migrator(dataSource), exports);
        IReadOnlyList<IPipelineStep> steps = [new MigrateStep(PipelineTestDatabase.Migrator(dataSource))];
        var runner = PipelineTestDatabase.Runner(dataSource);

        var first = await runner.RunAsync(s_refresh, steps);
        var second = await runner.RunAsync(s_refresh, steps);

        Assert.True(first.Succeeded, first.Summary);
        Assert.True(second.Succeeded, second.Summary);
        var firstMigrate = (await PipelineTestDatabase.StepsAsync(dataSource, first.RunId))[0];
        var secondMigrate = (await PipelineTestDatabase.StepsAsync(dataSource, second.RunId))[0];
        Assert.True(firstMigrate.Rows > 0);
        Assert.Equal(("migrate", RunStatus.Success, 0L), (secondMigrate.Step, secondMigrate.Status, secondMigrate.Rows));
    }
}

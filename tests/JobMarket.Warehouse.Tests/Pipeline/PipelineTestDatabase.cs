using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Pipeline;

/// <summary>A migrated database of its own for each test, and the pipeline's parts built on it.</summary>
internal static class PipelineTestDatabase
{
    // V0002 creates cluster-wide roles: two databases of one cluster migrated at the same moment
    // race on them (duplicate key in pg_authid), so these tests migrate one database at a time.
    private static readonly SemaphoreSlim s_migrating = new(1, 1);

    public static async Task<NpgsqlDataSource> MigratedAsync(string prefix)
    {
        var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync(prefix));
        await s_migrating.WaitAsync();
        try
        {
            var result = await Migrator(dataSource).MigrateAsync();
            Assert.True(result.Successful, result.Error?.ToString());
        }
        finally
        {
            s_migrating.Release();
        }
        return dataSource;
    }

    public static Migrator Migrator(NpgsqlDataSource dataSource) =>
        new(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance);

    public static PipelineRunner Runner(NpgsqlDataSource dataSource, LockPolicy policy = LockPolicy.Wait) =>
        new(dataSource,
            new RunRecorder(dataSource, NullLogger<RunRecorder>.Instance),
            Options.Create(new PipelineOptions { LockPolicy = policy, RetryDelay = TimeSpan.Zero, TransientRetries = 3 }),
            NullLogger<PipelineRunner>.Instance);

    public static async Task<IReadOnlyList<(string Step, string Status, long? Rows, string? Error)>> StepsAsync(NpgsqlDataSource dataSource, long runId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string, long?, string?)>(
            "select step, status, rows_affected, error from audit.run_step where run_id = @runId order by ordinal", new { runId })).ToList();
    }

    public static async Task<(string Status, string? Error, bool IsPipeline, DateTime? FinishedAt)> RunAsync(NpgsqlDataSource dataSource, long runId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, string?, bool, DateTime?)>(
            "select status, error, is_pipeline, finished_at from audit.run where run_id = @runId", new { runId });
    }

    /// <summary>
    /// Holds the migration advisory lock, so a child's migrate step blocks inside the step (a real
    /// wait in PostgreSQL, no test hook in the product) until the blocker is disposed.
    /// </summary>
    public static async Task<MigrationBlocker> BlockMigrationsAsync(NpgsqlDataSource dataSource) =>
        await MigrationBlocker.StartAsync(dataSource);

    /// <summary>Waits until a recorded run is inside <paramref name="step"/> and blocked on a lock; returns its run id.</summary>
    public static async Task<long> WaitForBlockedStepAsync(NpgsqlDataSource dataSource, string step, Infrastructure.CliProcess child)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var runId = await connection.ExecuteScalarAsync<long?>(
                """
                select run_step.run_id
                from audit.run_step
                join audit.run on run.run_id = run_step.run_id
                where run.status = 'running' and run_step.status = 'running' and run_step.step = @step
                  and exists (
                      select from pg_stat_activity
                      where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'
                  )
                """, new { step });
            if (runId is { } id)
            {
                return id;
            }
            Assert.False(child.HasExited, $"jobmarket exited before reaching step {step}.\nstdout:\n{child.Output}\nstderr:\n{child.Error}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"no run reached step {step} within a minute.\nstdout:\n{child.Output}\nstderr:\n{child.Error}");
    }
}

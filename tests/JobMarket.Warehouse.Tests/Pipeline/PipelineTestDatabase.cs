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
    public static async Task<NpgsqlDataSource> MigratedAsync(string prefix)
    {
        var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync(prefix));
        var result = await Migrator(dataSource).MigrateAsync();
        Assert.True(result.Successful, result.Error?.ToString());
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
}

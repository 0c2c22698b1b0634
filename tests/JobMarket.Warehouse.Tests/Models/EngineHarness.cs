using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Models;

/// <summary>
/// A fixture project (tests/…/Models/Fixtures/&lt;name&gt;) copied to a temporary folder, on a fresh
/// migrated database with the fixture's <c>setup.sql</c> applied, and an engine over both.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_migrations = new(1, 1);
    private readonly TempFolder _folder;

    private EngineHarness(TempFolder folder, string connectionString, NpgsqlDataSource dataSource)
    {
        _folder = folder;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public string Home => _folder.Path;
    public string Target => Path.Combine(_folder.Path, "target");

    public static string FixturePath(string fixture) =>
        Path.Combine(RepositoryPaths.Home, "tests", "JobMarket.Warehouse.Tests", "Models", "Fixtures", fixture);

    public static async Task<EngineHarness> CreateAsync(string fixture)
    {
        var folder = new TempFolder();
        folder.CopyFrom(FixturePath(fixture));
        var connectionString = await PostgresCluster.CreateDatabaseAsync("engine");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        // V0002 creates a cluster-wide role behind an if-not-exists guard that two databases migrating
        // at once can both pass; this process's engine tests take turns.
        await s_migrations.WaitAsync();
        try
        {
            var migration = await new Migrator(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
            Assert.True(migration.Successful, migration.Error?.ToString());
        }
        finally
        {
            s_migrations.Release();
        }
        var setup = Path.Combine(folder.Path, "setup.sql");
        if (File.Exists(setup))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync(await File.ReadAllTextAsync(setup));
        }
        return new EngineHarness(folder, connectionString, dataSource);
    }

    public ModelEngine Engine(TimeSpan? lockTimeout = null) => new(
        DataSource,
        new ModelEngineOptions { ProjectHome = Home, TargetPath = Target, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(5) },
        new RunRecorder(DataSource, NullLogger<RunRecorder>.Instance),
        NullLogger<ModelEngine>.Instance);

    public Task<BuildResult> BuildAsync(EngineCommand command = EngineCommand.Build, bool fullRefresh = false, params string[] select) =>
        Engine().BuildAsync(new BuildRequest { Command = command, Select = select, FullRefresh = fullRefresh, Threads = 2 });

    public string Write(string relativePath, string content) => _folder.Write(relativePath, content);

    public void Delete(string relativePath) => File.Delete(Path.Combine(Home, relativePath));

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }

    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }


    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresCluster.DropDatabaseAsync(ConnectionString);
        _folder.Dispose();
    }
}

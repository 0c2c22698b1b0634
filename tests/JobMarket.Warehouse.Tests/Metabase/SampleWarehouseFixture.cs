using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Metabase;

/// <summary>
/// A warehouse built the way the demo builds it: migrations, the bundled samples landed through
/// the extractors' writer, then every model, reco view and data test through the engine. The
/// project is a copy of the repository's models plus one warn-severity probe test, so the audit
/// tables hold a test failure for the warehouse-health questions to show.
/// </summary>
public sealed class SampleWarehouseFixture : IAsyncLifetime
{
    public const string ProbeTest = "metabase_probe_warns";

    private readonly TempFolder _home = new();
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("fixture not initialised");
    internal BuildResult Build { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.CreateDatabaseAsync("metabase");
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        var migration = await new Migrator(DataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.True(migration.Successful, migration.Error?.ToString());

        var recorder = new RunRecorder(DataSource, NullLogger<RunRecorder>.Instance);
        var samples = RepositoryPaths.Project.Samples;
        var extract = new ExtractRunner(DataSource, recorder, new ExtractOptions(), samples, NullLoggerFactory.Instance);
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var folder = Path.Combine(samples, source.CliName());
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count > 0)
            {
                await extract.LandFilesAsync(source, files);
            }
        }

        _home.CopyFrom(RepositoryPaths.Project.Models, "models");
        _home.Write($"models/tests/{ProbeTest}.sql",
            "{{ config(severity='warn') }}\n-- A probe: always one failing row, so mart_test_failures has something to show.\nselect 1 as probe\n");
        var engine = new ModelEngine(
            DataSource,
            new ModelEngineOptions { ProjectHome = _home.Path, TargetPath = Path.Combine(_home.Path, "target") },
            recorder,
            NullLogger<ModelEngine>.Instance);
        Build = await engine.BuildAsync(new BuildRequest { Threads = 2 });
    }


    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await PostgresCluster.DropDatabaseAsync(ConnectionString);
        _home.Dispose();
    }
}

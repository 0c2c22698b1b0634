using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// The real project's models over the hand-written golden pages (<c>pages/manifest.json</c>): fetch 1
/// is landed with <see cref="RawPageWriter"/> and built, then fetch 2 (one posting per source gone, one
/// new, one updated) is landed and built again. Tests read the state after each build.
/// </summary>
public class GoldenWarehouse : IAsyncLifetime
{
    private readonly TempFolder _target = new();
    private string _connectionString = "";

    public static string PagesFolder { get; } =
        Path.Combine(RepositoryPaths.Home, "tests", "JobMarket.Warehouse.Tests", "Models", "Golden", "pages");

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    internal BuildResult FirstBuild { get; private set; } = null!;

    internal BuildResult SecondBuild { get; private set; } = null!;

    /// <summary>source_posting_id → (posting_id, is_active) after the first build.</summary>
    public Dictionary<string, (long PostingId, bool IsActive)> AfterFirstBuild { get; } = [];

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresCluster.CreateDatabaseAsync("golden");
        DataSource = NpgsqlDataSource.Create(_connectionString);
        var migration = await new Migrator(DataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.True(migration.Successful, migration.Error?.ToString());

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PagesFolder, "manifest.json")));
        await LandAsync(manifest.RootElement, fetch: 1);
        FirstBuild = await BuildAsync();
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            foreach (var row in await connection.QueryAsync<(string, long, bool)>("select source_posting_id, posting_id, is_active from core.source_posting_lifecycle"))
            {
                AfterFirstBuild[row.Item1] = (row.Item2, row.Item3);
            }
        }
        await LandSecondFetchAsync(manifest.RootElement);
        SecondBuild = await BuildAsync();

        // Keep what the incremental second build wrote, then rebuild everything from raw: the tests
        // read the rebuilt tables, and IncrementalTables compares the two.
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create schema incremental_copy");
            foreach (var table in IncrementalTables)
            {
                await connection.ExecuteAsync($"create table incremental_copy.{table.Replace('.', '_')} as select * from {table}");
            }
        }
        FullRefreshBuild = await BuildAsync(fullRefresh: true);
    }

    /// <summary>The tables an incremental build merges into.</summary>
    public static IReadOnlyList<string> IncrementalTables { get; } =
    [
        "core.source_posting", "core.source_posting_lifecycle", "core.location", "core.occupation", "core.source_posting_salary", "core.posting", "core.posting_salary", "core.posting_skill",
        "marts.fct_job_posting", "marts.fct_posting_skill", "marts.fct_market_daily",
    ];

    internal BuildResult FullRefreshBuild { get; private set; } = null!;

    /// <summary>What lands between the two builds: the manifest's fetch 2, unless a variant says otherwise.</summary>
    protected virtual Task LandSecondFetchAsync(JsonElement manifest) => LandAsync(manifest, fetch: 2);

    protected async Task LandAsync(JsonElement manifest, int fetch)
    {
        var fetchedAt = DateTimeOffset.Parse(manifest.GetProperty("fetches").GetProperty(fetch.ToString()).GetString()!);
        var pages = new List<RawPage>();
        foreach (var page in manifest.GetProperty("pages").EnumerateArray().Where(p => p.GetProperty("fetch").GetInt32() == fetch))
        {
            Assert.True(JobSourceNames.TryParse(page.GetProperty("source").GetString()!, out var source));
            var body = await File.ReadAllBytesAsync(Path.Combine(PagesFolder, page.GetProperty("file").GetString()!));
            pages.Add(new RawPage(
                source,
                page.GetProperty("endpoint").GetString()!,
                page.GetProperty("partition_key").GetString()!,
                page.GetProperty("request_params").GetRawText(),
                200,
                fetchedAt,
                body));
        }
        await LandPagesAsync(fetch, pages);
    }

    /// <summary>The first fetch's France Travail page, for a variant to edit.</summary>
    protected async Task<JsonObject> FirstFranceTravailPageAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PagesFolder, "france_travail", "fetch1-page1.json")))!.AsObject();

    /// <summary>Lands <paramref name="page"/> as fetch 2 of an incremental run (a date filter, which closes nothing).</summary>
    protected Task LandIncrementalFranceTravailPageAsync(JsonElement manifest, JsonObject page)
    {
        var fetchedAt = DateTimeOffset.Parse(manifest.GetProperty("fetches").GetProperty("2").GetString()!);
        return LandPagesAsync(2, [new RawPage(JobSource.FranceTravail, "/v2/offres/search", "golden",
            """{"range": "0-149", "sort": "1", "publieeDepuis": "7"}""", 200, fetchedAt, Encoding.UTF8.GetBytes(page.ToJsonString()))]);
    }

    protected async Task LandPagesAsync(long runId, IReadOnlyList<RawPage> pages)
    {
        var landed = await new RawPageWriter(DataSource).WriteAsync(runId, pages);
        Assert.Equal(pages.Count, landed.Landed);
    }

    /// <summary>
    /// Rows of <paramref name="table"/> that the incremental second build wrote differently from the
    /// full refresh ("+ " marks a row only the full refresh has). loaded_at and text_changed_at say
    /// when a row was written and previous_posting_id what an incremental build replaced, so they
    /// differ by design.
    /// </summary>
    public Task<List<string>> IncrementalDifferencesAsync(string table)
    {
        var copy = "incremental_copy." + table.Replace('.', '_');
        const string BuildColumns = "'{loaded_at,text_changed_at,previous_posting_id}'::text[]";
        return QueryAsync<string>($"""
            (select (to_jsonb(t) - {BuildColumns})::text from {copy} as t
             except all
             select (to_jsonb(t) - {BuildColumns})::text from {table} as t)
            union all
            (select '+ ' || (to_jsonb(t) - {BuildColumns})::text from {table} as t
             except all
             select '+ ' || (to_jsonb(t) - {BuildColumns})::text from {copy} as t)
            """);
    }

    private async Task<BuildResult> BuildAsync(bool fullRefresh = false)
    {
        var engine = new ModelEngine(
            DataSource,
            new ModelEngineOptions { ProjectHome = RepositoryPaths.Home, TargetPath = _target.Path },
            new RunRecorder(DataSource, NullLogger<RunRecorder>.Instance),
            NullLogger<ModelEngine>.Instance);
        // One thread: parallel swaps of tables with dependent reco views race in the engine (reported).
        return await engine.BuildAsync(new BuildRequest { Threads = 1, FullRefresh = fullRefresh });
    }

    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    /// <summary>One row as column → value (Dapper's dynamic row), or null when there is none.</summary>
    public async Task<IDictionary<string, object?>?> RowAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync(sql, parameters);
        return row is null ? null : (IDictionary<string, object?>)row;
    }

    public virtual async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
            await PostgresCluster.DropDatabaseAsync(_connectionString);
        }
        _target.Dispose();
    }
}

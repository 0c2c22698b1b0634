using Dapper;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Extract.Fakes;

/// <summary>
/// An <see cref="ExtractRunner"/> wired to <see cref="FakeJobApis"/> and a test database: every
/// source's base URL points at the fake, credentials come from a dictionary, backoff is tiny.
/// </summary>
public sealed class ExtractHarness : IAsyncDisposable
{
    private ExtractHarness(FakeJobApis api, NpgsqlDataSource dataSource)
    {
        Api = api;
        DataSource = dataSource;
        Loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Options = DefaultOptions(api.BaseUrl);
    }

    public FakeJobApis Api { get; }
    public NpgsqlDataSource DataSource { get; }
    public CapturedLogs Logs { get; } = new();
    public ILoggerFactory Loggers { get; }
    public ExtractOptions Options { get; }

    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["ADZUNA_APP_ID"] = FakeJobApis.AdzunaAppId,
        ["ADZUNA_APP_KEY"] = FakeJobApis.AdzunaAppKey,
        ["FRANCETRAVAIL_CLIENT_ID"] = FakeJobApis.FranceTravailClientId,
        ["FRANCETRAVAIL_CLIENT_SECRET"] = FakeJobApis.FranceTravailClientSecret,
        ["JSEARCH_API_KEY"] = FakeJobApis.JSearchApiKey,
        ["THEMUSE_API_KEY"] = FakeJobApis.TheMuseApiKey,
    };

    /// <summary>Starts the fake with the fixture pages and 320 France Travail offers in three départements.</summary>
    public static async Task<ExtractHarness> StartAsync(NpgsqlDataSource dataSource)
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // V0002 guards the cluster-wide role with "if not exists", which races when test classes
            // migrate their databases in parallel; creating it here first, tolerantly, avoids that.
            await connection.ExecuteAsync(
                "do $$ begin create role jobmarket_reader login; exception when duplicate_object or unique_violation then null; end $$");
        }
        var migration = await new Migrator(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.True(migration.Successful, migration.Error?.ToString());
        await ResetAsync(dataSource);
        var api = await FakeJobApis.StartAsync();
        foreach (var source in new[] { "adzuna", "jsearch", "themuse" })
        {
            api.LoadFixturePages(source);
        }
        var now = DateTimeOffset.UtcNow;
        api.Offers = Enumerable.Range(0, 320)
            .Select(i => new FakeOffer($"OF{i:0000}", new[] { "75", "69", "13" }[i % 3], now.AddHours(-1 - i)))
            .ToList();
        return new ExtractHarness(api, dataSource);
    }

    public static ExtractOptions DefaultOptions(string baseUrl)
    {
        var options = new ExtractOptions();
        options.Adzuna.BaseUrl = baseUrl + "/adzuna";
        options.Adzuna.Categories = ["it-jobs"];
        options.FranceTravail.BaseUrl = baseUrl + "/ft";
        options.FranceTravail.TokenUrl = baseUrl + "/ft/token";
        options.FranceTravail.Keywords = ["data"];
        options.JSearch.BaseUrl = baseUrl + "/jsearch";
        options.JSearch.Queries = ["data engineer in paris"];
        options.TheMuse.BaseUrl = baseUrl + "/themuse";
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var http = options.For(source).Http;
            http.RateLimitRequests = 0;
            http.MaxAttempts = 4;
            http.BaseDelay = TimeSpan.FromMilliseconds(1);
            http.MaxDelay = TimeSpan.FromMilliseconds(5);
            http.MaxRetryAfter = TimeSpan.FromSeconds(2);
            http.RequestTimeout = TimeSpan.FromSeconds(10);
        }
        return options;
    }

    internal ExtractRunner Runner() =>
        new(DataSource, new RunRecorder(DataSource, Loggers.CreateLogger<RunRecorder>()), Options, FakeJobApis.FixturesFolder, Loggers, name => Environment.GetValueOrDefault(name));

    internal Task<ExtractSummary> RunAsync(params JobSource[] sources) => Runner().RunAsync(new ExtractRequest(sources));

    /// <summary>Empties raw, watermarks and audit so each test starts from nothing.</summary>
    public static async Task ResetAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "truncate raw.adzuna_pages, raw.france_travail_pages, raw.jsearch_pages, raw.themuse_pages, raw.rejected_pages, raw.extract_watermark, audit.run_step, audit.run cascade");
    }

    /// <summary>The hex sha256 of every landed page of a source, sorted.</summary>
    public async Task<List<string>> LandedHashesAsync(JobSource source)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>($"select encode(body_sha256, 'hex') from {source.RawTable()} order by 1")).ToList();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        Loggers.Dispose();
        await Api.DisposeAsync();
    }
}

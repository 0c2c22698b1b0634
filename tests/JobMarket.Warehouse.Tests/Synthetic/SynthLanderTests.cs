using Dapper;
using JobMarket.Warehouse.Extract.Synthetic;
using JobMarket.Warehouse.Runner.Cli;
using JobMarket.Warehouse.Runner.Cli.Commands;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Runner.Synthetic;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Synthetic;

public sealed class SynthLanderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string PostingsInRaw =
        """
        select
            (select coalesce(sum(jsonb_array_length(body -> 'results')), 0) from raw.adzuna_pages)
            + (select coalesce(sum(jsonb_array_length(body -> 'resultats')), 0) from raw.france_travail_pages)
            + (select coalesce(sum(jsonb_array_length(body -> 'data')), 0) from raw.jsearch_pages)
            + (select coalesce(sum(jsonb_array_length(body -> 'results')), 0) from raw.themuse_pages)
        """;

    private const string PagesInRaw =
        """
        select (select count(*) from raw.adzuna_pages) + (select count(*) from raw.france_travail_pages)
            + (select count(*) from raw.jsearch_pages) + (select count(*) from raw.themuse_pages)
        """;

    public async Task InitializeAsync()
    {
        var result = await new Migrator(database.DataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.True(result.Successful, result.Error?.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // The class's tests share one database: each starts from empty raw tables.
    private async Task<Npgsql.NpgsqlConnection> EmptyRawAsync()
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("truncate raw.adzuna_pages, raw.france_travail_pages, raw.jsearch_pages, raw.themuse_pages");
        return connection;
    }

    private SynthLander Lander(RunRecorder recorder) => new(database.DataSource, recorder, NullLogger<SynthLander>.Instance);

    [Fact]
    public async Task LandAsync_LandsEveryListedPostingOnceAndRecordsTheRun_WhenRunTwiceWithTheSameSeed()
    {
        await using var connection = await EmptyRawAsync();
        var options = new SyntheticOptions { Postings = 1_200, Days = 2, Seed = 5, StartDate = new DateOnly(2026, 5, 1) };
        var pager = new SyntheticPager(options);
        var expectedPages = pager.AllPages().ToList();
        var recorder = new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance);

        var firstRun = await recorder.StartRunAsync("synth");
        var first = await Lander(recorder).LandAsync(firstRun, options);
        await recorder.FinishRunAsync(firstRun, RunStatus.Success);
        var secondRun = await recorder.StartRunAsync("synth");
        var second = await Lander(recorder).LandAsync(secondRun, options);

        var distinctBodies = expectedPages.Select(p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(p.Page.Body.Span))).Distinct().Count();
        Assert.Equal(distinctBodies, await connection.ExecuteScalarAsync<long>(PagesInRaw));
        Assert.Equal(expectedPages.Sum(p => p.Postings), first.Postings);
        Assert.Equal(first.Landed, distinctBodies);
        // Pages whose body is byte-identical on both days (nothing changed in that query) are one row.
        var identical = expectedPages.Count - distinctBodies;
        Assert.Equal(first.Postings - expectedPages.GroupBy(p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(p.Page.Body.Span))).Sum(g => g.Skip(1).Sum(p => p.Postings)),
            await connection.ExecuteScalarAsync<long>(PostingsInRaw));
        Assert.Equal(identical, first.Duplicates);

        Assert.Equal(0, second.Landed);
        Assert.Equal(expectedPages.Count, second.Duplicates);
        Assert.Equal(distinctBodies, await connection.ExecuteScalarAsync<long>(PagesInRaw));
        var steps = (await connection.QueryAsync<(string Step, string Status, long Rows)>(
            "select step, status, rows_affected from audit.run_step where run_id = @firstRun order by ordinal", new { firstRun })).ToList();
        Assert.Equal(["day 2026-05-01", "day 2026-05-02"], steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal("success", s.Status));
        Assert.Equal(first.Landed, steps.Sum(s => s.Rows));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from raw.rejected_pages"));
        Assert.Equal(new[] { firstRun }, (await connection.QueryAsync<long>("select distinct run_id from raw.france_travail_pages")).ToArray());
    }

    [Fact]
    public async Task LandAsync_LandsExactlyTheFirstDaysPostings_WhenOneDayIsSynthesised()
    {
        await using var connection = await EmptyRawAsync();
        var options = new SyntheticOptions { Postings = 500, Days = 1, Seed = 11 };
        var recorder = new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance);
        var runId = await recorder.StartRunAsync("synth");

        var report = await Lander(recorder).LandAsync(runId, options);

        var relists = await connection.ExecuteScalarAsync<long>(
            "select count(*) from raw.adzuna_pages, jsonb_array_elements(body -> 'results') as job where job ->> 'redirect_url' like '%francetravail.fr%'");
        Assert.Equal(500, await connection.ExecuteScalarAsync<long>(PostingsInRaw) - relists);
        Assert.Equal(report.Postings, 500 + relists);
        Assert.Equal(0, report.Duplicates);
    }

    [Fact]
    public async Task PartitionRuns_AreFullScansOnlyWhenTheyListEveryOpenJob_WhenLaterDaysListOnlyNewOnes()
    {
        await using var connection = await EmptyRawAsync();
        var firstDay = new SyntheticOptions { Postings = 3_000, Days = 1, Seed = 8, FullScanEvery = 0, StartDate = new DateOnly(2026, 3, 1) };
        var recorder = new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance);
        // one run per day, as the scheduled extract makes
        await Lander(recorder).LandAsync(await recorder.StartRunAsync("synth"), firstDay);
        await Lander(recorder).LandAsync(await recorder.StartRunAsync("synth"), firstDay with { Days = 2, FirstDay = 1 });
        using var target = new TempFolder();
        var engine = new ModelEngine(database.DataSource, new ModelEngineOptions { ProjectHome = RepositoryPaths.Home, TargetPath = target.Path },
            recorder, NullLogger<ModelEngine>.Instance);

        var build = await engine.BuildAsync(new BuildRequest { Select = ["stg_landing__partition_runs"], Threads = 1 });

        Assert.True(build.Succeeded);
        var runs = (await connection.QueryAsync<(string Source, DateTime Day, bool FullScan)>(
            """
            select source_code, (fetched_at at time zone 'UTC')::date, bool_and(is_full_scan)
            from staging.stg_landing__partition_runs group by 1, 2 order by 1, 2
            """)).ToList();
        // Day 1 lists only new jobs: by a date filter (Adzuna, France Travail, JSearch) or, for The
        // Muse, which has none, by stopping before the older pages of the listing.
        Assert.Equal(
            [("adzuna", true), ("adzuna", false), ("france_travail", true), ("france_travail", false),
             ("jsearch", true), ("jsearch", false), ("themuse", true), ("themuse", false)],
            runs.Select(r => (r.Source, r.FullScan)));
        Assert.Equal([new DateTime(2026, 3, 1), new DateTime(2026, 3, 2)], runs.Select(r => r.Day).Distinct().Order());
    }

    [Theory]
    [InlineData(0, 1, "2026-01-01", "--postings")]
    [InlineData(10, 0, "2026-01-01", "--days")]
    [InlineData(10, 1, "01/02/2026", "--start-date")]
    public void ParseOptions_ThrowsAUsageErrorNamingTheOption_WhenAValueIsInvalid(long postings, int days, string start, string option)
    {
        var error = Assert.Throws<UsageException>(() => SynthCommand.ParseOptions(postings, days, 42, start, 1, 0));
        Assert.Contains(option, error.Message);
    }
}

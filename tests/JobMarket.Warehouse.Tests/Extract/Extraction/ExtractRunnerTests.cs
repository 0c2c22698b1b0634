using System.Text;
using Dapper;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Tests.Extract.Fakes;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Extract.Extraction;

public sealed class ExtractRunnerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task RunAsync_LandsEveryPageOfEachSource_WhenPagingToTheEnd()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);

        var summary = await harness.RunAsync();

        Assert.True(summary.Succeeded, string.Join("; ", summary.Sources.Select(s => s.Message)));
        var bySource = summary.Sources.ToDictionary(s => s.Source);
        Assert.Equal((2, 5), (bySource[JobSource.Adzuna].Pages, bySource[JobSource.Adzuna].Postings));
        Assert.Equal((3, 320), (bySource[JobSource.FranceTravail].Pages, bySource[JobSource.FranceTravail].Postings));
        Assert.Equal((2, 13), (bySource[JobSource.JSearch].Pages, bySource[JobSource.JSearch].Postings));
        Assert.Equal((3, 6), (bySource[JobSource.TheMuse].Pages, bySource[JobSource.TheMuse].Postings));
        Assert.Equal(2, await harness.CountAsync("select count(*) from raw.adzuna_pages"));
        Assert.Equal(320, await harness.CountAsync("select count(distinct o->>'id') from raw.france_travail_pages, jsonb_array_elements(body->'resultats') o"));
        Assert.Equal(2, await harness.CountAsync("select count(*) from raw.jsearch_pages"));
        Assert.Equal(3, await harness.CountAsync("select count(*) from raw.themuse_pages"));
        // The France Travail pages were asked with both creation dates and ranges of 150.
        Assert.Equal(3, await harness.CountAsync(
            "select count(*) from raw.france_travail_pages where request_params ? 'minCreationDate' and request_params ? 'maxCreationDate' and http_status in (200, 206)"));
        Assert.Equal(["0-149", "150-299", "300-449"], (await QueryAsync<string>(harness, "select request_params->>'range' from raw.france_travail_pages order by 1")));
        // One run, one step per source, all successful; The Muse was asked from page 0.
        Assert.Equal("success", await ScalarAsync<string>(harness, "select status from audit.run"));
        Assert.Equal(4, await harness.CountAsync("select count(*) from audit.run_step where status = 'success'"));
        Assert.Equal(1, await harness.CountAsync("select count(*) from raw.themuse_pages where request_params->>'page' = '0'"));
    }

    [Fact]
    public async Task RunAsync_FetchesANewTokenOnceAndFinishes_WhenTheTokenExpiresMidRun()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.TokenUses = 2;

        var summary = await harness.RunAsync(JobSource.FranceTravail);

        Assert.True(summary.Succeeded, summary.Sources[0].Message);
        Assert.Equal(320, summary.Sources[0].Postings);
        Assert.Equal(2, harness.Api.TokenFetches);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("answered 401; fetching a new token once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StopsTheSource_WhenANewTokenIsRejectedToo()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.TokenUses = 0;

        var summary = await harness.RunAsync(JobSource.FranceTravail, JobSource.Adzuna);

        var franceTravail = summary.Sources.Single(s => s.Source == JobSource.FranceTravail);
        Assert.Equal(SourceStatus.Failed, franceTravail.Status);
        Assert.Contains("HTTP 401", franceTravail.Message);
        Assert.Equal(2, harness.Api.TokenFetches);
        Assert.Equal(SourceStatus.Succeeded, summary.Sources.Single(s => s.Source == JobSource.Adzuna).Status);
        Assert.Equal("failed", await ScalarAsync<string>(harness, "select status from audit.run_step where step = 'extract france_travail'"));
    }

    [Fact]
    public async Task RunAsync_RetriesAndLandsEverything_When429And500AndATimeoutPrecedeSuccess()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.FaultStatus("adzuna", 429, "", ("Retry-After", "0"));
        harness.Api.FaultStatus("adzuna", 429);
        harness.Api.FaultStatus("adzuna", 500, "<html>Internal Server Error</html>");
        // The first JSearch answer never comes: the client gives up after its timeout and retries.
        harness.Api.Fault("jsearch", async context => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        harness.Options.JSearch.Http.RequestTimeout = TimeSpan.FromSeconds(2);
        harness.Api.FaultStatus("themuse", 503);

        var summary = await harness.RunAsync(JobSource.Adzuna, JobSource.JSearch, JobSource.TheMuse);

        Assert.True(summary.Succeeded, string.Join("; ", summary.Sources.Select(s => s.Message)));
        var bySource = summary.Sources.ToDictionary(s => s.Source);
        Assert.Equal((3, 2), (bySource[JobSource.Adzuna].Retries, bySource[JobSource.Adzuna].Pages));
        // At least the one timeout (a loaded machine may time out a slow normal answer too).
        Assert.Equal(2, bySource[JobSource.JSearch].Pages);
        Assert.InRange(bySource[JobSource.JSearch].Retries, 1, 3);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("/search attempt 1 failed (no response within 2s)", StringComparison.Ordinal));
        Assert.Equal((1, 3), (bySource[JobSource.TheMuse].Retries, bySource[JobSource.TheMuse].Pages));
        Assert.Equal(0, await harness.CountAsync("select count(*) from raw.rejected_pages"));
        Assert.Equal(summary.Sources.Sum(s => s.Retries), await harness.CountAsync("select sum((detail->>'retries')::int) from audit.run_step"));
    }

    [Fact]
    public async Task RunAsync_StopsTheSourceWithoutWaiting_WhenRetryAfterExceedsTheLimit()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.FaultStatus("adzuna", 429, "", ("Retry-After", "3600"));

        var summary = await harness.RunAsync(JobSource.Adzuna);

        Assert.Equal(SourceStatus.Failed, summary.Sources[0].Status);
        Assert.Contains("wait 3600s", summary.Sources[0].Message);
        Assert.Equal(1, harness.Api.RequestCount("/adzuna"));
    }

    [Fact]
    public async Task RunAsync_StopsOnlyThatSource_WhenItAnswers403OrItsMonthlyQuotaIsSpent()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Environment["JSEARCH_API_KEY"] = "wrong-key";

        var summary = await harness.RunAsync();

        var bySource = summary.Sources.ToDictionary(s => s.Source);
        Assert.Equal(SourceStatus.Failed, bySource[JobSource.JSearch].Status);
        Assert.Contains("HTTP 403", bySource[JobSource.JSearch].Message);
        Assert.Equal(1, harness.Api.RequestCount("/jsearch"));
        Assert.Equal(SourceStatus.Succeeded, bySource[JobSource.Adzuna].Status);
        Assert.Equal(SourceStatus.Succeeded, bySource[JobSource.FranceTravail].Status);
        Assert.False(summary.Succeeded);
        Assert.Equal("failed", await ScalarAsync<string>(harness, "select status from audit.run"));
    }

    [Fact]
    public async Task RunAsync_DoesNotRetryTheQuota429_WhenJSearchSaysTheMonthlyQuotaIsSpent()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.FaultStatus("jsearch", 429, """{"message":"You have exceeded the MONTHLY quota for Requests on your current plan, BASIC"}""");

        var summary = await harness.RunAsync(JobSource.JSearch);

        Assert.Equal(SourceStatus.Failed, summary.Sources[0].Status);
        Assert.Contains("quota exhausted", summary.Sources[0].Message);
        Assert.Equal(1, harness.Api.RequestCount("/jsearch"));
    }

    [Fact]
    public async Task RunAsync_WaitsForTheResetAndGoesOn_WhenTheMuseAnswers403WithNoRequestsLeft()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.FaultStatus("themuse", 403, """{"code":403,"error":"Rate limit exceeded"}""", ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "0"));

        var summary = await harness.RunAsync(JobSource.TheMuse);

        Assert.Equal((SourceStatus.Succeeded, 3, 1), (summary.Sources[0].Status, summary.Sources[0].Pages, summary.Sources[0].Retries));
    }

    [Fact]
    public async Task RunAsync_SkipsTheSourceWithAClearLine_WhenItsCredentialsAreMissing()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Environment.Remove("ADZUNA_APP_KEY");
        harness.Environment.Remove("THEMUSE_API_KEY");

        var summary = await harness.RunAsync(JobSource.Adzuna, JobSource.TheMuse);

        var adzuna = summary.Sources.Single(s => s.Source == JobSource.Adzuna);
        Assert.Equal(SourceStatus.Skipped, adzuna.Status);
        Assert.Equal("no credentials: set ADZUNA_APP_KEY", adzuna.Message);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("adzuna: skipped (no credentials: set ADZUNA_APP_KEY)", StringComparison.Ordinal));
        // The Muse's key is optional.
        Assert.Equal(SourceStatus.Succeeded, summary.Sources.Single(s => s.Source == JobSource.TheMuse).Status);
        Assert.True(summary.Succeeded);
        Assert.Equal("skipped", await ScalarAsync<string>(harness, "select status from audit.run_step where step = 'extract adzuna'"));
    }

    [Fact]
    public async Task RunAsync_RejectsBadBodiesAndPagesOn_WhenJsonIsTruncatedOrHtmlOrHoldsNul()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        var adzuna = harness.Api.Pages["adzuna"];
        adzuna[0] = adzuna[0][..(adzuna[0].Length / 2)];
        harness.Api.Pages["jsearch"][0] = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>");
        harness.Api.Pages["themuse"][1] = Encoding.UTF8.GetBytes("""{"page":1,"page_count":3,"results":[{"id":1,"name":"Data\u0000 Engineer"}]}""");

        var summary = await harness.RunAsync(JobSource.Adzuna, JobSource.JSearch, JobSource.TheMuse);

        Assert.True(summary.Succeeded);
        var reasons = await QueryAsync<string>(harness, "select source || ': ' || reason from raw.rejected_pages order by source");
        Assert.Equal(3, reasons.Count);
        Assert.StartsWith("adzuna: body is not valid JSON", reasons[0]);
        Assert.StartsWith("jsearch: body is not valid JSON", reasons[1]);
        Assert.Contains("\\u0000", reasons[2]);
        // Paging went on past each bad page.
        Assert.Equal(1, await harness.CountAsync("select count(*) from raw.adzuna_pages where endpoint like '%/search/2'"));
        Assert.Equal(1, await harness.CountAsync("select count(*) from raw.jsearch_pages where request_params->>'page' = '2'"));
        Assert.Equal(2, await harness.CountAsync("select count(*) from raw.themuse_pages"));
        Assert.Equal(3, summary.Sources.Sum(s => s.Rejects));
    }

    [Fact]
    public async Task RunAsync_LandsNothingAndCompletes_WhenResultsAreEmpty()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.Offers = [];
        harness.Api.Pages["themuse"] = [];

        var summary = await harness.RunAsync(JobSource.FranceTravail, JobSource.TheMuse);

        Assert.True(summary.Succeeded);
        var bySource = summary.Sources.ToDictionary(s => s.Source);
        // France Travail answers 204 with no body: nothing lands, the partition is done.
        Assert.Equal((0, 0), (bySource[JobSource.FranceTravail].Pages, bySource[JobSource.FranceTravail].Postings));
        Assert.Equal(0, await harness.CountAsync("select count(*) from raw.france_travail_pages"));
        Assert.Equal(1, await harness.CountAsync("select count(*) from raw.extract_watermark where source = 'france_travail' and partition_key = 'motsCles=data' and (state->>'done')::boolean"));
        // The Muse's empty page is a real answer: it lands once, with no postings.
        Assert.Equal((1, 0), (bySource[JobSource.TheMuse].Pages, bySource[JobSource.TheMuse].Postings));
        Assert.Equal(0, await harness.CountAsync("select count(*) from raw.rejected_pages"));
    }

    [Fact]
    public async Task RunAsync_SplitsByDepartementThenCreationDate_WhenAQueryPassesTheDepthCap()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        var now = DateTimeOffset.UtcNow;
        // 3,500 offers over 9 days: 3,300 in Paris (still over the cap alone), 200 in Lyon.
        harness.Api.Offers = Enumerable.Range(0, 3500)
            .Select(i => new FakeOffer($"X{i:00000}", i < 3300 ? "75" : "69", now.AddMinutes(-3 - i * 3.7)))
            .ToList();
        var since = now.AddDays(-10);

        var summary = await harness.Runner().RunAsync(new ExtractRequest([JobSource.FranceTravail], since));

        Assert.True(summary.Succeeded, summary.Sources[0].Message);
        Assert.Equal(3500, await harness.CountAsync("select count(distinct o->>'id') from raw.france_travail_pages, jsonb_array_elements(body->'resultats') o"));
        var partitions = await QueryAsync<string>(harness, "select distinct partition_key from raw.france_travail_pages order by 1");
        Assert.Contains("motsCles=data;departement=69", partitions);
        Assert.Contains("motsCles=data;departement=75;slice=0", partitions);
        Assert.Contains("motsCles=data;departement=75;slice=1", partitions);
        Assert.DoesNotContain("motsCles=data", partitions);
        Assert.Equal(0, await harness.CountAsync("select count(*) from raw.france_travail_pages where (split_part(request_params->>'range', '-', 2))::int > 3149"));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("splitting by creation-date window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_LandsAReplayedPageOnce_WhenTheSameRunRepeats()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        await harness.RunAsync(JobSource.Adzuna, JobSource.TheMuse);
        var before = await harness.LandedHashesAsync(JobSource.Adzuna);

        var again = await harness.Runner().RunAsync(new ExtractRequest([JobSource.Adzuna, JobSource.TheMuse], DateTimeOffset.UtcNow.AddDays(-3)));

        Assert.Equal(before, await harness.LandedHashesAsync(JobSource.Adzuna));
        Assert.All(again.Sources, s => Assert.Equal((0, s.Pages), (s.Landed, s.Duplicates)));
        Assert.Equal(5, await harness.CountAsync("select count(*) from raw.adzuna_pages") + await harness.CountAsync("select count(*) from raw.themuse_pages"));
    }

    [Fact]
    public async Task RunAsync_EndsWithTheRowsOfAnUninterruptedRun_WhenCancelledMidRunThenRerun()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Options.Adzuna.Keywords = ["data", "python"];
        await harness.RunAsync();
        var uninterrupted = await AllHashesAsync(harness);
        var requestsOfAFullRun = harness.Api.Requests.Count;
        await ExtractHarness.ResetAsync(database.DataSource);
        harness.Api.Requests.Clear();

        using var cancellation = new CancellationTokenSource();
        var landedPages = 0;
        var progress = new SynchronousProgress(s =>
        {
            if (s.Status == SourceStatus.Running && s.Pages > 0 && Interlocked.Increment(ref landedPages) == 4)
            {
                cancellation.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner().RunAsync(new ExtractRequest(), progress, cancellation.Token));
        Assert.Equal("cancelled", await ScalarAsync<string>(harness, "select status from audit.run"));
        var partial = await AllHashesAsync(harness);
        Assert.True(partial.Count < uninterrupted.Count, $"{partial.Count} of {uninterrupted.Count} pages landed before the cancel");

        var rerun = await harness.RunAsync();

        Assert.True(rerun.Succeeded, string.Join("; ", rerun.Sources.Select(s => $"{s.Source}: {s.Status} {s.Message}")));
        Assert.Equal(uninterrupted, await AllHashesAsync(harness));
        // The rerun resumed: together the two runs asked for (about) one run's worth of pages.
        Assert.True(harness.Api.Requests.Count < requestsOfAFullRun * 3 / 2, $"{harness.Api.Requests.Count} requests vs {requestsOfAFullRun} for a full run");
    }

    [Fact]
    public async Task RunAsync_LeavesNoSecretInLogsRawOrAudit_WhenRequestsFailAndRetry()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Api.TokenUses = 1;
        harness.Api.FaultStatus("adzuna", 500);
        harness.Api.FaultStatus("jsearch", 429);
        harness.Api.Pages["themuse"][2] = Encoding.UTF8.GetBytes("<html>oops</html>");

        var summary = await harness.RunAsync();

        Assert.True(summary.Succeeded);
        string[] secrets = [FakeJobApis.AdzunaAppId, FakeJobApis.AdzunaAppKey, FakeJobApis.FranceTravailClientId, FakeJobApis.FranceTravailClientSecret,
            FakeJobApis.JSearchApiKey, FakeJobApis.TheMuseApiKey, "token-1", "token-2"];
        // The fake did receive them, so their absence below means something.
        var requests = string.Join('\n', harness.Api.Requests);
        Assert.All(new[] { FakeJobApis.AdzunaAppKey, FakeJobApis.JSearchApiKey, FakeJobApis.TheMuseApiKey, "token-2" }, s => Assert.Contains(s, requests));
        var stored = string.Join('\n', await QueryAsync<string>(harness,
            """
            select concat_ws(' ', endpoint, partition_key, request_params::text, body::text) from raw.adzuna_pages
            union all select concat_ws(' ', endpoint, partition_key, request_params::text, body::text) from raw.france_travail_pages
            union all select concat_ws(' ', endpoint, partition_key, request_params::text, body::text) from raw.jsearch_pages
            union all select concat_ws(' ', endpoint, partition_key, request_params::text, body::text) from raw.themuse_pages
            union all select concat_ws(' ', endpoint, partition_key, request_params::text, reason, convert_from(body, 'UTF8')) from raw.rejected_pages
            union all select concat_ws(' ', partition_key, state::text) from raw.extract_watermark
            union all select concat_ws(' ', arguments::text, error) from audit.run
            union all select concat_ws(' ', detail::text, error) from audit.run_step
            """));
        var logs = string.Join('\n', harness.Logs.Lines);
        Assert.Contains("retrying", logs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored);
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task RunAsync_ReplaysTheSamplesThroughTheClients_WhenSamplesIsSet()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Environment.Clear();

        var summary = await harness.Runner().RunAsync(new ExtractRequest(Samples: true));
        var again = await harness.Runner().RunAsync(new ExtractRequest(Samples: true));

        Assert.True(summary.Succeeded, string.Join("; ", summary.Sources.Select(s => s.Message)));
        Assert.Equal([2, 2, 2, 3], summary.Sources.OrderBy(s => s.Source).Select(s => s.Landed));
        Assert.Equal(5 + 3 + 13 + 6, summary.Postings);
        Assert.All(again.Sources, s => Assert.Equal(0, s.Landed));
        Assert.Equal(2, await harness.CountAsync("select count(*) from raw.france_travail_pages where http_status = 206"));
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task LandFilesAsync_LandsFilesOnceAndRejectsBadOnes_WhenFilesAreRecordedResponses()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        using var folder = new TempFolder();
        var files = Directory.GetFiles(Path.Combine(FakeJobApis.FixturesFolder, "themuse")).Order().ToList();
        files.Add(folder.Write("broken.json", """{"page":0,"results":[""" ));

        var first = await harness.Runner().LandFilesAsync(JobSource.TheMuse, files);
        var second = await harness.Runner().LandFilesAsync(JobSource.TheMuse, files);

        Assert.Equal((3, 0, 1, 6), (first.Sources[0].Landed, first.Sources[0].Duplicates, first.Sources[0].Rejects, first.Sources[0].Postings));
        Assert.Equal((0, 3), (second.Sources[0].Landed, second.Sources[0].Duplicates));
        Assert.Equal(["page-0001.json", "page-0002.json", "page-0003.json"],
            await QueryAsync<string>(harness, "select request_params->>'file' from raw.themuse_pages order by 1"));
        Assert.Equal(2, await harness.CountAsync("select count(*) from audit.run where command = 'land' and status = 'success'"));
    }

    [Fact]
    public async Task RunAsync_ThrowsNamingTheField_WhenAnOptionIsOutOfRange()
    {
        await using var harness = await ExtractHarness.StartAsync(database.DataSource);
        harness.Options.FranceTravail.PageSize = 500;

        var error = await Assert.ThrowsAsync<Runner.WarehouseException>(() => harness.RunAsync());

        Assert.Contains("Extract:FranceTravail:PageSize must be between 1 and 150 (got '500')", error.Message);
        Assert.Equal(0, await harness.CountAsync("select count(*) from audit.run"));
    }

    private static async Task<List<string>> AllHashesAsync(ExtractHarness harness)
    {
        var all = new List<string>();
        foreach (var source in Enum.GetValues<JobSource>())
        {
            all.AddRange((await harness.LandedHashesAsync(source)).Select(h => $"{source.CliName()}:{h}"));
        }
        return all;
    }

    private static async Task<List<T>> QueryAsync<T>(ExtractHarness harness, string sql)
    {
        await using var connection = await harness.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    private static async Task<T?> ScalarAsync<T>(ExtractHarness harness, string sql)
    {
        await using var connection = await harness.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql);
    }

    private sealed class SynchronousProgress(Action<SourceSummary> report) : IProgress<SourceSummary>
    {
        public void Report(SourceSummary value) => report(value);
    }
}

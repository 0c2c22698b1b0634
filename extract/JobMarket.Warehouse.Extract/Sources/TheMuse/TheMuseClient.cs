using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources.TheMuse;

/// <summary>
/// The Muse <c>/jobs</c>: 0-based <c>page</c> (required), 20 per page, <c>page_count</c> in the body,
/// newest first with <c>descending=true</c>. It has no date filter, so an incremental run stops a
/// partition at the first page older than the window. Quota exhaustion is a 403 with
/// <c>X-RateLimit-Reset</c>: waited out when short, else the source stops.
/// </summary>
internal sealed class TheMuseClient(TheMuseOptions options, string? apiKey, ResilientHttp http, ILogger logger) : IJobSourceClient
{
    private const string Endpoint = "/jobs";

    public JobSource Source => JobSource.TheMuse;

    public int Retries => http.Retries;

    public async IAsyncEnumerable<FetchedPage> FetchAsync(ExtractPlan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var category in SourceOptions.OrAny(options.Categories))
        foreach (var location in SourceOptions.OrAny(options.Locations))
        foreach (var level in SourceOptions.OrAny(options.Levels))
        {
            var query = new RequestParams()
                .Add("category", category)
                .Add("location", location)
                .Add("level", level)
                .Add("descending", "true");
            var key = query.ToKey("category", "location", "level") is { Length: > 0 } k ? k : "all";
            await foreach (var page in Pager.RunAsync(Source, plan, key, 0, (n, token) => FetchPageAsync(query, key, n, plan.Window.From, token), logger, ct))
            {
                yield return page;
            }
        }
    }

    private async Task<PageResult> FetchPageAsync(RequestParams criteria, string key, long pageNumber, DateTimeOffset? since, CancellationToken ct)
    {
        var query = criteria.Copy().Add("page", pageNumber.ToString(CultureInfo.InvariantCulture));
        var url = options.BaseUrl.TrimEnd('/') + Endpoint
            + (string.IsNullOrEmpty(apiKey) ? query.ToQuery() : query.ToQuery(new KeyValuePair<string, string>("api_key", apiKey)));
        var fetch = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/json" } } }, Endpoint, Classify, ct);
        var page = new RawPage(Source, Endpoint, key, query.ToJson(), fetch.Status, fetch.FetchedAt, fetch.Body);
        using var document = JsonPage.TryParse(fetch.Body);
        var last = pageNumber + 1 >= options.MaxPagesPerPartition;
        if (document is null)
        {
            return new PageResult(page, 0, last ? null : pageNumber + 1, Readable: false);
        }
        var root = document.RootElement;
        var results = JsonPage.Postings(Source, root);
        var pageCount = JsonPage.Number(root, "page_count");
        Log.PageFetched(logger, "themuse", Endpoint, key, fetch.Status, results);
        var done = last || results == 0 || (pageCount is { } count && pageNumber + 1 >= count) || OlderThan(root, since);
        return new PageResult(page, results, done ? null : pageNumber + 1);
    }

    /// <summary>True when the page's oldest posting predates the window (pages are newest first).</summary>
    private static bool OlderThan(JsonElement root, DateTimeOffset? since)
    {
        if (since is null || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        DateTimeOffset? oldest = null;
        foreach (var job in results.EnumerateArray())
        {
            if (job.ValueKind == JsonValueKind.Object && job.TryGetProperty("publication_date", out var date)
                && date.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published))
            {
                oldest = oldest is null || published < oldest ? published : oldest;
            }
        }
        return oldest < since;
    }

    /// <summary>A 403 with <c>X-RateLimit-Remaining: 0</c> is the quota: wait for the reset (if short); other 403s are final.</summary>
    private static RetryDecision Classify(HttpFetch fetch)
    {
        if (fetch.Status == 403 && fetch.Header("X-RateLimit-Remaining") == "0")
        {
            var reset = int.TryParse(fetch.Header("X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null;
            return RetryDecision.RetryLater(reset ?? TimeSpan.FromHours(1), "HTTP 403, hourly quota exhausted");
        }
        return ResilientHttp.DefaultClassify(fetch);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources.JSearch;

/// <summary>
/// JSearch <c>/search</c>: <c>page</c> from 1 with <c>num_pages=1</c>, 10 jobs per page and no total
/// (a short page is the last), <c>date_posted</c> as the only incremental filter. A 429 about the
/// monthly quota is final, a burst 429 is retried.
/// </summary>
internal sealed class JSearchClient(JSearchOptions options, string apiKey, ResilientHttp http, ILogger logger) : IJobSourceClient
{
    private const string Endpoint = "/search";
    private const int JobsPerPage = 10;

    public JobSource Source => JobSource.JSearch;

    public int Retries => http.Retries;

    public async IAsyncEnumerable<FetchedPage> FetchAsync(ExtractPlan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var datePosted = DatePosted(plan.Window, options.InitialDatePosted);
        foreach (var text in options.Queries)
        {
            var query = new RequestParams()
                .Add("query", text)
                .Add("num_pages", "1")
                .Add("date_posted", datePosted)
                .Add("country", options.Country)
                .Add("language", options.Language);
            var key = $"query={text}";
            await foreach (var page in Pager.RunAsync(Source, plan, key, 1, (n, token) => FetchPageAsync(query, key, n, token), logger, ct))
            {
                yield return page;
            }
        }
    }

    /// <summary>The narrowest <c>date_posted</c> value that still covers the window.</summary>
    internal static string DatePosted(ExtractWindow window, string initial)
    {
        if (window.From is not { } from)
        {
            return initial;
        }
        var days = (window.To - from).TotalDays;
        return days <= 1 ? "today" : days <= 3 ? "3days" : days <= 7 ? "week" : days <= 30 ? "month" : "all";
    }

    private async Task<PageResult> FetchPageAsync(RequestParams criteria, string key, long pageNumber, CancellationToken ct)
    {
        var query = criteria.Copy().Add("page", pageNumber.ToString(CultureInfo.InvariantCulture));
        var url = options.BaseUrl.TrimEnd('/') + Endpoint + query.ToQuery();
        var fetch = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Accept", "application/json");
            if (string.IsNullOrEmpty(options.RapidApiHost))
            {
                request.Headers.Add("x-api-key", apiKey);
            }
            else
            {
                request.Headers.Add("X-RapidAPI-Key", apiKey);
                request.Headers.Add("X-RapidAPI-Host", options.RapidApiHost);
            }
            return request;
        }, Endpoint, Classify, ct);
        var page = new RawPage(Source, Endpoint, key, query.ToJson(), fetch.Status, fetch.FetchedAt, fetch.Body);
        using var document = JsonPage.TryParse(fetch.Body);
        var last = pageNumber >= options.MaxPagesPerQuery;
        if (document is null)
        {
            return new PageResult(page, 0, last ? null : pageNumber + 1, Readable: false);
        }
        var jobs = JsonPage.Postings(Source, document.RootElement);
        Log.PageFetched(logger, "jsearch", Endpoint, key, fetch.Status, jobs);
        return new PageResult(page, jobs, last || jobs < JobsPerPage ? null : pageNumber + 1);
    }

    /// <summary>The monthly-quota 429 is not worth retrying; a burst 429 is.</summary>
    private static RetryDecision Classify(HttpFetch fetch) =>
        fetch.Status == 429 && fetch.BodyPreview(400).Contains("quota", StringComparison.OrdinalIgnoreCase)
            ? RetryDecision.Fail($"HTTP 429, quota exhausted: {fetch.BodyPreview()}")
            : ResilientHttp.DefaultClassify(fetch);
}

using System.Runtime.CompilerServices;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources.Adzuna;

/// <summary>
/// Adzuna search: <c>GET /jobs/{country}/search/{page}</c> (1-based path paging, up to 50 per page,
/// <c>count</c> = total), keys as <c>app_id</c>/<c>app_key</c> query parameters, newest first,
/// <c>max_days_old</c> for incremental runs.
/// </summary>
internal sealed class AdzunaClient(AdzunaOptions options, string appId, string appKey, ResilientHttp http, ILogger logger) : IJobSourceClient
{
    public JobSource Source => JobSource.Adzuna;

    public int Retries => http.Retries;

    public async IAsyncEnumerable<FetchedPage> FetchAsync(ExtractPlan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var maxDaysOld = plan.Window.From is { } from
            ? Math.Max(1, (int)Math.Ceiling((plan.Window.To - from).TotalDays))
            : options.InitialMaxDaysOld;
        foreach (var country in options.EffectiveCountries)
        foreach (var category in SourceOptions.OrAny(options.Categories))
        foreach (var location in SourceOptions.OrAny(options.Locations))
        foreach (var keyword in SourceOptions.OrAny(options.Keywords))
        {
            var query = new RequestParams()
                .Add("what", keyword)
                .Add("where", location)
                .Add("category", category)
                .Add("results_per_page", options.ResultsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("sort_by", "date")
                .Add("max_days_old", maxDaysOld > 0 ? maxDaysOld.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            var key = $"country={country}" + (query.ToKey("category", "where", "what") is { Length: > 0 } rest ? ";" + rest : "");
            await foreach (var page in Pager.RunAsync(Source, plan, key, 1, (n, token) => FetchPageAsync(country, query, key, n, token), logger, ct))
            {
                yield return page;
            }
        }
    }

    private async Task<PageResult> FetchPageAsync(string country, RequestParams query, string key, long pageNumber, CancellationToken ct)
    {
        var endpoint = $"/jobs/{country}/search/{pageNumber}";
        var url = options.BaseUrl.TrimEnd('/') + endpoint + query.ToQuery(new("app_id", appId), new("app_key", appKey));
        var fetch = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/json" } } }, endpoint, ct: ct);
        var page = new RawPage(Source, endpoint, key, query.ToJson(), fetch.Status, fetch.FetchedAt, fetch.Body);
        using var document = JsonPage.TryParse(fetch.Body);
        var last = pageNumber >= options.MaxPagesPerPartition;
        if (document is null)
        {
            return new PageResult(page, 0, last ? null : pageNumber + 1, Readable: false);
        }
        var results = JsonPage.Postings(Source, document.RootElement);
        var count = JsonPage.Number(document.RootElement, "count") ?? 0;
        Log.PageFetched(logger, "adzuna", endpoint, key, fetch.Status, results);
        var done = last || results == 0 || pageNumber * options.ResultsPerPage >= count;
        return new PageResult(page, results, done ? null : pageNumber + 1);
    }
}

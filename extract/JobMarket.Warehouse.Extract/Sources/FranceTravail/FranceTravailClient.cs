using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources.FranceTravail;

/// <summary>
/// France Travail "Offres d'emploi v2" search: bearer token, <c>range=p-d</c> paging (206 partial,
/// 200 complete, 204 nothing; total in <c>Content-Range</c>), newest first, always with both
/// <c>minCreationDate</c> and <c>maxCreationDate</c>. A criteria set with more offers than the depth
/// cap is split by département, then by halving its creation-date window, until each part fits.
/// </summary>
internal sealed class FranceTravailClient(FranceTravailOptions options, FranceTravailTokenProvider token, ResilientHttp http, ILogger logger) : IJobSourceClient
{
    private const string Endpoint = "/v2/offres/search";

    public JobSource Source => JobSource.FranceTravail;

    public int Retries => http.Retries;

    public async IAsyncEnumerable<FetchedPage> FetchAsync(ExtractPlan plan, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var to = plan.Window.To;
        var from = plan.Window.From ?? to.AddDays(-options.InitialDays);
        foreach (var keyword in SourceOptions.OrAny(options.Keywords))
        foreach (var departement in SourceOptions.OrAny(options.Departements))
        {
            await foreach (var page in PartitionAsync(plan, keyword, departement, from, to, "", ct))
            {
                yield return page;
            }
        }
    }

    private async IAsyncEnumerable<FetchedPage> PartitionAsync(
        ExtractPlan plan, string? keyword, string? departement, DateTimeOffset from, DateTimeOffset to, string slice,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var query = new RequestParams()
            .Add("motsCles", keyword)
            .Add("departement", departement)
            .Add("sort", "1")
            .Add("minCreationDate", Format(from))
            .Add("maxCreationDate", Format(to));
        // Slices are named by their path in the halving tree, relative to the run's window, so a
        // rerun in the same window finds the same keys.
        var key = string.Join(';', new[] { query.ToKey("motsCles", "departement"), slice.Length > 0 ? $"slice={slice}" : "" }.Where(s => s.Length > 0));
        key = key.Length == 0 ? "all" : key;
        var state = plan.StateOf(key);
        RangeResult? probe = null;
        if (state is null)
        {
            probe = await FetchRangeAsync(query, key, 0, ct);
            if (probe.Total > options.DepthCap)
            {
                if (departement is null)
                {
                    Log.Splitting(logger, key, probe.Total, options.DepthCap, "département");
                    foreach (var code in Departements.All)
                    {
                        await foreach (var page in PartitionAsync(plan, keyword, code, from, to, slice, ct))
                        {
                            yield return page;
                        }
                    }
                    yield break;
                }
                if (to - from >= options.MinWindow * 2)
                {
                    Log.Splitting(logger, key, probe.Total, options.DepthCap, "creation-date window");
                    var middle = from + TimeSpan.FromSeconds(Math.Floor((to - from).TotalSeconds / 2));
                    await foreach (var page in PartitionAsync(plan, keyword, departement, from, middle, slice + "0", ct))
                    {
                        yield return page;
                    }
                    await foreach (var page in PartitionAsync(plan, keyword, departement, middle, to, slice + "1", ct))
                    {
                        yield return page;
                    }
                    yield break;
                }
                Log.CannotSplit(logger, key, probe.Total, options.DepthCap);
            }
        }
        await foreach (var page in Pager.RunAsync(Source, plan, key, 0,
            (offset, token) => offset == 0 && probe is not null ? Task.FromResult(probe.Result) : FetchAsPageAsync(query, key, offset, token), logger, ct))
        {
            yield return page;
        }
    }

    private async Task<PageResult> FetchAsPageAsync(RequestParams query, string key, long offset, CancellationToken ct) =>
        (await FetchRangeAsync(query, key, offset, ct)).Result;

    private sealed record RangeResult(PageResult Result, int Total);

    private async Task<RangeResult> FetchRangeAsync(RequestParams criteria, string key, long offset, CancellationToken ct)
    {
        var query = criteria.Copy().Add("range", $"{offset}-{offset + options.PageSize - 1}");
        var url = options.BaseUrl.TrimEnd('/') + Endpoint + query.ToQuery();
        var fetch = await SendAuthorizedAsync(url, ct);
        var total = ParseTotal(fetch.Header("Content-Range"));
        if (fetch.Status == 204)
        {
            Log.PageFetched(logger, "france_travail", Endpoint, key, 204, 0);
            return new RangeResult(new PageResult(null, 0, null), 0);
        }
        var page = new RawPage(Source, Endpoint, key, query.ToJson(), fetch.Status, fetch.FetchedAt, fetch.Body);
        using var document = JsonPage.TryParse(fetch.Body);
        var count = document is null ? 0 : JsonPage.Postings(Source, document.RootElement);
        Log.PageFetched(logger, "france_travail", Endpoint, key, fetch.Status, count);
        var reachable = Math.Min(total ?? int.MaxValue, options.DepthCap);
        var next = offset + options.PageSize;
        // 200 means everything fitted; 206 is a partial range. Without a total, a short page is the last.
        var more = fetch.Status == 206
            && next < reachable
            && (document is null ? total is not null : count > 0 && (total is not null || count == options.PageSize));
        return new RangeResult(new PageResult(page, count, more ? next : null, document is not null), total ?? count);
    }

    /// <summary>Sends with the cached token; on 401 fetches a new token and tries once more.</summary>
    private async Task<HttpFetch> SendAuthorizedAsync(string url, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bearer = await token.GetAsync(ct);
            var fetch = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url)
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", bearer), Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
            }, Endpoint, f => f.Status == 401 && attempt == 1 ? RetryDecision.Accept : ResilientHttp.DefaultClassify(f), ct);
            if (fetch.Status != 401)
            {
                return fetch;
            }
            Log.TokenRejected(logger, Endpoint);
            token.Invalidate();
        }
    }

    /// <summary>The total after the slash of <c>Content-Range: offres 0-149/496</c>.</summary>
    internal static int? ParseTotal(string? contentRange)
    {
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && int.TryParse(contentRange![(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

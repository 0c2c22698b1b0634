using System.Globalization;
using System.Net;
using System.Text;
using System.Web;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources;

namespace JobMarket.Warehouse.Extract.Http;

/// <summary>
/// An offline stand-in for one API, serving <c>extract/samples/&lt;source&gt;/page-NNNN.json</c> in
/// page order to the real client: Adzuna's path page, JSearch's <c>page</c>, The Muse's 0-based
/// <c>page</c>, France Travail's <c>range</c> (with <c>Content-Range</c> computed from the files, 206/200/204)
/// and its token endpoint. Past the last file it answers each API's "no more results".
/// </summary>
public sealed class SamplesTransport : HttpMessageHandler
{
    public const string Host = "http://samples.invalid";
    private const int FranceTravailPageSize = 150;

    private readonly JobSource _source;
    private readonly string[] _files;
    private readonly Lazy<int[]> _counts;

    public SamplesTransport(JobSource source, string folder)
    {
        _source = source;
        _files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "page-*.json").Order(StringComparer.Ordinal).ToArray()
            : [];
        _counts = new Lazy<int[]>(() => _files.Select(f => JsonPage.Postings(source, File.ReadAllBytes(f))).ToArray());
    }

    public int PageCount => _files.Length;

    public static SourceCredentials Credentials(JobSource source) =>
        source == JobSource.TheMuse ? new SourceCredentials(null, null) : new SourceCredentials("samples", "samples");

    /// <summary>One "samples" query per source, unpaced, at most one page past the files.</summary>
    public static ExtractOptions Options(int pageCount)
    {
        var options = new ExtractOptions();
        var pages = Math.Clamp(pageCount + 1, 1, 100);
        options.Adzuna.Countries = ["fr"];
        options.Adzuna.InitialMaxDaysOld = 0;
        options.Adzuna.MaxPagesPerPartition = pageCount + 1;
        options.FranceTravail.TokenUrl = Host + "/connexion/oauth2/access_token?realm=/partenaire";
        options.JSearch.Queries = ["samples"];
        options.JSearch.MaxPagesPerQuery = pages;
        options.TheMuse.MaxPagesPerPartition = pages;
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var sourceOptions = options.For(source);
            sourceOptions.BaseUrl = Host;
            sourceOptions.Http.RateLimitRequests = 0;
            sourceOptions.Http.MaxAttempts = 1;
        }
        return options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = HttpUtility.ParseQueryString(uri.Query);
        var response = _source switch
        {
            JobSource.Adzuna => Page(long.Parse(uri.Segments[^1], CultureInfo.InvariantCulture) - 1, """{"__CLASS__":"Adzuna::API::Response::JobSearchResults","count":0,"mean":0,"results":[]}"""),
            JobSource.JSearch => Page(long.Parse(query["page"] ?? "1", CultureInfo.InvariantCulture) - 1, """{"status":"OK","request_id":"samples","parameters":{},"data":[]}"""),
            JobSource.TheMuse => Page(long.Parse(query["page"] ?? "0", CultureInfo.InvariantCulture), """{"page":0,"page_count":0,"items_per_page":20,"took":0,"timed_out":false,"total":0,"results":[],"aggregations":{}}"""),
            JobSource.FranceTravail when uri.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal) => Json(HttpStatusCode.OK,
                """{"access_token":"samples-token","scope":"api_offresdemploiv2 o2dsoffre","token_type":"Bearer","expires_in":1499}"""),
            JobSource.FranceTravail => FranceTravailRange(query["range"]),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private HttpResponseMessage Page(long index, string empty) =>
        index >= 0 && index < _files.Length
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = FileContent(_files[index]) }
            : Json(HttpStatusCode.OK, empty);

    private HttpResponseMessage FranceTravailRange(string? range)
    {
        var dash = range?.IndexOf('-') ?? -1;
        var start = dash > 0 && int.TryParse(range![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var index = start / FranceTravailPageSize;
        if (index >= _files.Length)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
        // File i holds offsets i*150 onwards, so the total is positional: full pages, then the last one.
        var total = (_files.Length - 1) * FranceTravailPageSize + _counts.Value[^1];
        var status = _files.Length == 1 ? HttpStatusCode.OK : HttpStatusCode.PartialContent;
        var response = new HttpResponseMessage(status) { Content = FileContent(_files[index]) };
        var last = start + Math.Max(_counts.Value[index], 1) - 1;
        response.Content.Headers.TryAddWithoutValidation("Content-Range", $"offres {start}-{last}/{total}");
        response.Headers.TryAddWithoutValidation("Accept-Range", FranceTravailPageSize.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static ByteArrayContent FileContent(string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

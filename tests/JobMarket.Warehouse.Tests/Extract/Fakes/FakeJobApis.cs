using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Tests.Extract.Fakes;

/// <summary>
/// The four job APIs on a local Kestrel server (127.0.0.1, random port), replaying their real
/// shapes: Adzuna path pages, France Travail token + <c>range</c> paging over a filterable offer set
/// (206/200/204, <c>Content-Range</c>, 401 for a stale token), JSearch pages, The Muse 0-based pages.
/// Faults are queued per source and served before the normal answer.
/// </summary>
public sealed class FakeJobApis : IAsyncDisposable
{
    public const string AdzunaAppId = "adzuna-id-SECRET-4c1f";
    public const string AdzunaAppKey = "adzuna-key-SECRET-98e2";
    public const string FranceTravailClientId = "ft-client-SECRET-77a0";
    public const string FranceTravailClientSecret = "ft-secret-SECRET-5d3b";
    public const string JSearchApiKey = "jsearch-key-SECRET-1b9c";
    public const string TheMuseApiKey = "muse-key-SECRET-0f4e";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _tokens = new();
    private int _tokenCount;

    private FakeJobApis(WebApplication app) => _app = app;

    public static string FixturesFolder { get; } = Path.Combine(Infrastructure.RepositoryPaths.Home, "tests", "JobMarket.Warehouse.Tests", "Extract", "Fixtures");

    public string BaseUrl { get; private set; } = "";

    /// <summary>Body of each page by source (<c>adzuna</c>, <c>jsearch</c>, <c>themuse</c>); index 0 = the first page.</summary>
    public ConcurrentDictionary<string, List<byte[]>> Pages { get; } = new();

    public List<FakeOffer> Offers { get; set; } = [];

    /// <summary>Searches a France Travail token serves before it answers 401 (an expiry the client did not foresee).</summary>
    public int TokenUses { get; set; } = int.MaxValue;

    public int TokenExpiresIn { get; set; } = 1499;

    public ConcurrentQueue<string> Requests { get; } = new();

    public int TokenFetches => _tokenCount;

    public static async Task<FakeJobApis> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeJobApis(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    /// <summary>Loads the hand-made fixture pages of a source.</summary>
    public void LoadFixturePages(string source)
    {
        var folder = Path.Combine(FixturesFolder, source);
        Pages[source] = Directory.GetFiles(folder, "page-*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
    }

    /// <summary>Queues a fault for the next request of a source (served once, in order).</summary>
    public void Fault(string source, Func<HttpContext, Task> fault) =>
        _faults.GetOrAdd(source, _ => new ConcurrentQueue<Func<HttpContext, Task>>()).Enqueue(fault);

    public void FaultStatus(string source, int status, string body = "", params (string Name, string Value)[] headers) =>
        Fault(source, context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }
            return context.Response.WriteAsync(body);
        });

    public int RequestCount(string prefix) => Requests.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var source = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            Requests.Enqueue(context.Request.Path + context.Request.QueryString + " " + string.Join(' ', context.Request.Headers.Select(h => $"{h.Key}={h.Value}")));
            if (_faults.TryGetValue(source, out var queue) && !context.Request.Path.Value!.EndsWith("/token", StringComparison.Ordinal) && queue.TryDequeue(out var fault))
            {
                await fault(context);
                return;
            }
            await next(context);
        });
        app.MapGet("/adzuna/jobs/{country}/search/{page:int}", (HttpContext context, int page) =>
            context.Request.Query["app_id"] != AdzunaAppId || context.Request.Query["app_key"] != AdzunaAppKey
                ? Json(context, 401, """{"__CLASS__":"Adzuna::API::Response::Exception","exception":"AUTH_FAIL","display":"Authorisation failed"}""")
                : PageOr(context, "adzuna", page - 1, """{"__CLASS__":"Adzuna::API::Response::JobSearchResults","count":0,"mean":0,"results":[]}"""));
        app.MapGet("/jsearch/search", (HttpContext context) =>
            context.Request.Headers["X-RapidAPI-Key"] != JSearchApiKey
                ? Json(context, 403, """{"message":"You are not subscribed to this API."}""")
                : PageOr(context, "jsearch", int.Parse(context.Request.Query["page"]!, CultureInfo.InvariantCulture) - 1, """{"status":"OK","request_id":"x","parameters":{},"data":[]}"""));
        app.MapGet("/themuse/jobs", (HttpContext context) =>
            PageOr(context, "themuse", int.Parse(context.Request.Query["page"]!, CultureInfo.InvariantCulture),
                """{"page":99,"page_count":0,"items_per_page":20,"took":1,"timed_out":false,"total":0,"results":[],"aggregations":{}}"""));
        app.MapPost("/ft/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != FranceTravailClientId || form["client_secret"] != FranceTravailClientSecret)
            {
                await Json(context, 400, """{"error":"invalid_client","error_description":"Client authentication failed"}""");
                return;
            }
            var token = $"token-{Interlocked.Increment(ref _tokenCount)}";
            _tokens[token] = 0;
            await Json(context, 200, JsonSerializer.Serialize(new { access_token = token, scope = "api_offresdemploiv2 o2dsoffre", token_type = "Bearer", expires_in = TokenExpiresIn }));
        });
        app.MapGet("/ft/v2/offres/search", FranceTravailSearch);
    }

    private Task PageOr(HttpContext context, string source, int index, string empty)
    {
        var pages = Pages.GetValueOrDefault(source) ?? [];
        if (index < 0 || index >= pages.Count)
        {
            return Json(context, 200, empty);
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(pages[index]).AsTask();
    }

    private Task FranceTravailSearch(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : "";
        if (!_tokens.TryGetValue(token, out var uses) || uses >= TokenUses)
        {
            return Json(context, 401, """{"message":"invalid token"}""");
        }
        _tokens[token] = uses + 1;
        var query = context.Request.Query;
        var min = query["minCreationDate"].ToString();
        var max = query["maxCreationDate"].ToString();
        if (min.Length == 0 != (max.Length == 0))
        {
            return Json(context, 400, """{"codeErreur":"CRITERE_INVALIDE","message":"minCreationDate et maxCreationDate doivent être renseignés ensemble"}""");
        }
        var range = query["range"].ToString().Split('-');
        var start = int.Parse(range[0], CultureInfo.InvariantCulture);
        var end = int.Parse(range[1], CultureInfo.InvariantCulture);
        if (end - start + 1 > 150 || start > 3000 || end > 3149)
        {
            return Json(context, 400, """{"codeErreur":"RANGE_INVALIDE","message":"La plage de résultats demandée est trop importante."}""");
        }
        var departement = query["departement"].ToString();
        var matches = Offers
            .Where(o => departement.Length == 0 || o.Departement == departement)
            .Where(o => min.Length == 0 || (o.CreatedAt >= DateTimeOffset.Parse(min, CultureInfo.InvariantCulture) && o.CreatedAt < DateTimeOffset.Parse(max, CultureInfo.InvariantCulture)))
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        if (start >= matches.Count)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }
        var slice = matches.Skip(start).Take(end - start + 1).ToList();
        var body = JsonSerializer.Serialize(new
        {
            resultats = slice.Select(o => new
            {
                id = o.Id,
                intitule = "Data engineer (H/F)",
                dateCreation = o.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                lieuTravail = new { libelle = $"{o.Departement} - Ville", commune = o.Departement + "001" },
                typeContrat = "CDI",
                salaire = new { libelle = "Annuel de 38000.0 Euros à 45000.0 Euros sur 12.0 mois" },
            }),
            filtresPossibles = Array.Empty<object>(),
        });
        context.Response.Headers["Content-Range"] = $"offres {start}-{start + slice.Count - 1}/{matches.Count}";
        context.Response.Headers["Accept-Range"] = "150";
        return Json(context, start + slice.Count < matches.Count || start > 0 ? 206 : 200, body);
    }

    private static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

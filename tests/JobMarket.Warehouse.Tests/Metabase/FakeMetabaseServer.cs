using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Tests.Metabase;

/// <summary>
/// A local Kestrel stand-in for Metabase's REST API: the subset the provisioner uses (health,
/// session properties, setup, session, API key, database + sync, collection + items, card,
/// dashboard), with the documented shapes and failures of the version it pretends to be
/// (metabase-api.md): 503 while starting, 403 on a second setup, 401 on a bad login, 400 on a blank
/// description, dashcards replaced as a whole set on 0.48+, <c>PUT /:id/cards</c> on 0.47.
/// </summary>
public sealed class FakeMetabaseServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly List<JsonObject> _databases = [];
    private readonly List<JsonObject> _collections = [];
    private readonly List<JsonObject> _cards = [];
    private readonly List<JsonObject> _dashboards = [];
    private readonly HashSet<string> _sessions = [];
    private int _nextId = 1;
    private int _syncPolls;

    private FakeMetabaseServer(WebApplication app, string version)
    {
        _app = app;
        Version = version;
        Feature = int.Parse(version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Version { get; }
    public int Feature { get; }
    public Uri Url { get; private set; } = null!;
    public string SetupToken { get; } = Guid.NewGuid().ToString();
    public bool HasUserSetup { get; set; }
    public string AdminEmail { get; set; } = "";
    public string AdminPassword { get; set; } = "";
    public string? ApiKey { get; set; }
    public int StartingHealthChecks { get; set; }
    public int LoginAttempts { get; private set; }

    /// <summary>Every write call (method + path template), in order.</summary>
    public List<string> Writes { get; } = [];

    public IReadOnlyList<JsonObject> Databases => _databases;
    public IReadOnlyList<JsonObject> Collections => _collections;
    public IReadOnlyList<JsonObject> Cards => _cards;
    public IReadOnlyList<JsonObject> Dashboards => _dashboards;

    /// <summary>The key under which this version returns a dashboard's cards.</summary>
    public string DashcardsKey => Feature >= 48 ? "dashcards" : "ordered_cards";

    public static async Task<FakeMetabaseServer> StartAsync(string version = "v0.50.20")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeMetabaseServer(app, version);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Metabase already set up with this admin login (what a second deployment meets).</summary>
    public void SetUpAlready(string email, string password)
    {
        HasUserSetup = true;
        AdminEmail = email;
        AdminPassword = password;
    }

    public JsonObject Card(string name) => _cards.Single(c => c["name"]!.ToString() == name);

    public JsonObject Dashboard(string name) => _dashboards.Single(d => d["name"]!.ToString() == name);

    public JsonArray Dashcards(string name) => (JsonArray)Dashboard(name)["dashcards"]!;

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        JsonNode? body = null;
        if (request.ContentLength > 0 || request.Headers.ContentType.Count > 0)
        {
            body = await JsonNode.ParseAsync(request.Body);
        }
        (int Status, JsonNode? Body) answer;
        lock (_gate)
        {
            answer = Route(request.Method, request.Path.Value ?? "", request.Query, request.Headers, body);
        }
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.Body?.ToJsonString() ?? "");
    }

    private (int, JsonNode?) Route(string method, string path, IQueryCollection query, IHeaderDictionary headers, JsonNode? body)
    {
        if (path == "/api/health")
        {
            return StartingHealthChecks-- > 0
                ? (503, new JsonObject { ["status"] = "initializing", ["progress"] = 0.4 })
                : (200, new JsonObject { ["status"] = "ok" });
        }
        if (StartingHealthChecks > 0)
        {
            return (503, "Metabase is still initializing. Please sit tight...");
        }
        var segments = path.Trim('/').Split('/');
        if (method != "GET")
        {
            Writes.Add($"{method} /{string.Join('/', segments.Select(s => int.TryParse(s, out _) ? ":id" : s))}");
        }
        switch (method, path)
        {
            case ("GET", "/api/session/properties"):
                return (200, new JsonObject
                {
                    ["setup-token"] = SetupToken,
                    ["has-user-setup"] = HasUserSetup,
                    ["version"] = new JsonObject { ["tag"] = Version, ["hash"] = "abc1234" },
                    ["site-name"] = "Metabase",
                });
            case ("POST", "/api/setup"):
                return Setup(body as JsonObject);
            case ("POST", "/api/session"):
                return Login(body as JsonObject);
        }
        if (!Authenticated(headers))
        {
            return (401, "Unauthenticated");
        }
        return (method, segments) switch
        {
            ("GET", ["api", "user", "current"]) => (200, new JsonObject { ["id"] = 1, ["email"] = AdminEmail, ["is_superuser"] = true }),
            ("GET", ["api", "database"]) => (200, new JsonObject { ["data"] = Copy(_databases.Select(Masked)), ["total"] = _databases.Count }),
            ("POST", ["api", "database"]) => CreateDatabase(body as JsonObject),
            ("PUT", ["api", "database", var id]) => UpdateDatabase(Find(_databases, id), body as JsonObject),
            ("GET", ["api", "database", var id]) => DatabaseWithTables(Find(_databases, id)),
            ("POST", ["api", "database", var id, "sync_schema"]) => Sync(Find(_databases, id)),
            ("GET", ["api", "collection"]) => (200, ListCollections(query)),
            ("POST", ["api", "collection"]) => CreateCollection(body as JsonObject),
            ("PUT", ["api", "collection", var id]) => Update(Find(_collections, id), body as JsonObject),
            ("GET", ["api", "collection", var id, "items"]) => Items(id, query),
            ("POST", ["api", "card"]) => CreateCard(body as JsonObject),
            ("GET", ["api", "card", var id]) => Found(Find(_cards, id)),
            ("PUT", ["api", "card", var id]) => UpdateCard(Find(_cards, id), body as JsonObject),
            ("POST", ["api", "dashboard"]) => CreateDashboard(body as JsonObject),
            ("GET", ["api", "dashboard", var id]) => Found(Find(_dashboards, id) is { } d ? AsVersion(d) : null),
            ("PUT", ["api", "dashboard", var id]) => UpdateDashboard(Find(_dashboards, id), body as JsonObject),
            ("PUT", ["api", "dashboard", var id, "cards"]) when Feature <= 48 => ReplaceDashcards(Find(_dashboards, id), body?["cards"] as JsonArray),
            // Removed in 0.47 (#33918).
            ("POST", ["api", "dashboard", _, "cards"]) => (404, "API endpoint does not exist."),
            _ => (404, "API endpoint does not exist."),
        };
    }

    private bool Authenticated(IHeaderDictionary headers) =>
        (headers.TryGetValue("X-Metabase-Session", out var session) && _sessions.Contains(session.ToString()))
        || (ApiKey is not null && headers.TryGetValue("x-api-key", out var key) && key.ToString() == ApiKey);

    private (int, JsonNode?) Setup(JsonObject? body)
    {
        if (HasUserSetup)
        {
            return (403, "The /api/setup route can only be used to create the first user, however a user currently exists.");
        }
        if (body?["token"]?.ToString() != SetupToken)
        {
            return (403, "Token does not match the setup token.");
        }
        // user and prefs must be nested objects (#7512); site_name is read from prefs only.
        if (body["user"] is not JsonObject user || body["prefs"] is not JsonObject prefs || prefs["site_name"] is null)
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { ["site_name"] = "value must be a non-blank string." } });
        }
        if (Feature >= 50 && (prefs.ContainsKey("allow_tracking") || body.ContainsKey("database")))
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { ["prefs"] = "unknown key allow_tracking or database (removed in 0.50)" } });
        }
        var password = user["password"]?.ToString() ?? "";
        if (password.Length < 6 || !password.Any(char.IsDigit))
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { ["password"] = "password is too common." } });
        }
        HasUserSetup = true;
        AdminEmail = user["email"]!.ToString();
        AdminPassword = password;
        return (200, new JsonObject { ["id"] = NewSession() });
    }

    private (int, JsonNode?) Login(JsonObject? body)
    {
        LoginAttempts++;
        if (body?["username"]?.ToString() != AdminEmail || body["password"]?.ToString() != AdminPassword)
        {
            return (401, new JsonObject { ["errors"] = new JsonObject { ["password"] = "did not match stored password" } });
        }
        return (200, new JsonObject { ["id"] = NewSession() });
    }

    private string NewSession()
    {
        var id = Guid.NewGuid().ToString();
        _sessions.Add(id);
        return id;
    }

    private (int, JsonNode?) CreateDatabase(JsonObject? body)
    {
        if (body?["details"] is not JsonObject details || body["engine"]?.ToString() != "postgres" || body["name"] is null)
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { ["details"] = "value must be a map." } });
        }
        // Metabase tests the connection first; without a password the reader cannot log in.
        if (string.IsNullOrEmpty(details["password"]?.ToString()))
        {
            return (400, new JsonObject { ["message"] = "FATAL: password authentication failed for user \"jobmarket_reader\"" });
        }
        var database = Stored(body);
        database["initial_sync_status"] = "incomplete";
        _databases.Add(database);
        return (200, Masked(database));
    }

    private (int, JsonNode?) UpdateDatabase(JsonObject? database, JsonObject? body)
    {
        if (database is null || body is null)
        {
            return (404, "Not found.");
        }
        var password = database["details"]?["password"]?.ToString();
        Merge(database, body);
        if (database["details"]?["password"]?.ToString() == "**MetabasePass**")
        {
            database["details"]!["password"] = password;
        }
        return (200, Masked(database));
    }

    private (int, JsonNode?) Sync(JsonObject? database)
    {
        if (database is null)
        {
            return (404, "Not found.");
        }
        _syncPolls = 2;
        return (200, new JsonObject { ["status"] = "ok" });
    }

    private (int, JsonNode?) DatabaseWithTables(JsonObject? database)
    {
        if (database is null)
        {
            return (404, "Not found.");
        }
        // The sync runs in the background: it completes a few polls after it was asked for.
        if (_syncPolls > 0 && --_syncPolls == 0)
        {
            database["initial_sync_status"] = "complete";
        }
        var copy = Masked(database);
        copy["tables"] = database["initial_sync_status"]!.ToString() == "complete"
            ? new JsonArray(new JsonObject { ["id"] = 1, ["schema"] = "marts", ["name"] = "fct_job_posting" })
            : new JsonArray();
        return (200, copy);
    }

    private JsonArray ListCollections(IQueryCollection query)
    {
        var archived = query["archived"] == "true";
        var list = new JsonArray(
            new JsonObject { ["id"] = "root", ["name"] = "Our analytics", ["personal_owner_id"] = null, ["can_write"] = true },
            new JsonObject { ["id"] = 1, ["name"] = "Job Market", ["personal_owner_id"] = 1, ["location"] = "/", ["archived"] = false });
        foreach (var collection in _collections.Where(c => IsArchived(c) == archived))
        {
            list.Add(collection.DeepClone());
        }
        return list;
    }

    private (int, JsonNode?) CreateCollection(JsonObject? body)
    {
        if (Feature >= 47 && body?.ContainsKey("color") == true)
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { ["color"] = "unknown key (dropped in 47.x)" } });
        }
        var collection = Stored(body!);
        collection["location"] = "/";
        collection["personal_owner_id"] = null;
        _collections.Add(collection);
        return (200, collection.DeepClone());
    }

    private (int, JsonNode?) Items(string id, IQueryCollection query)
    {
        var models = query["models"].Select(m => m ?? "").ToHashSet();
        var archived = query["archived"] == "true";
        var items = new JsonArray();
        foreach (var (model, list) in new[] { ("card", _cards), ("dashboard", _dashboards) })
        {
            foreach (var item in list.Where(i => models.Contains(model) && i["collection_id"]?.ToString() == id && IsArchived(i) == archived))
            {
                items.Add(new JsonObject { ["id"] = item["id"]!.GetValue<int>(), ["model"] = model, ["name"] = item["name"]!.ToString() });
            }
        }
        return (200, new JsonObject { ["data"] = items, ["total"] = items.Count });
    }

    private (int, JsonNode?) CreateCard(JsonObject? body)
    {
        if (CardProblem(body, creating: true) is { } problem)
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { [problem.Field] = problem.Message } });
        }
        var card = Stored(body!);
        _cards.Add(card);
        return (200, card.DeepClone());
    }

    private (int, JsonNode?) UpdateCard(JsonObject? card, JsonObject? body)
    {
        if (card is null)
        {
            return (404, "Not found.");
        }
        if (CardProblem(body, creating: false) is { } problem)
        {
            return (400, new JsonObject { ["errors"] = new JsonObject { [problem.Field] = problem.Message } });
        }
        return Update(card, body);
    }

    private (string Field, string Message)? CardProblem(JsonObject? body, bool creating)
    {
        if (body is null)
        {
            return ("body", "value must be a map.");
        }
        foreach (var field in creating ? new[] { "name", "dataset_query", "display", "visualization_settings" } : [])
        {
            if (body[field] is null)
            {
                return (field, "value must be present.");
            }
        }
        if (body["description"] is JsonValue description && description.ToString().Trim().Length == 0)
        {
            return ("description", "nullable value must be a non-blank string.");
        }
        if (Feature >= 49 && body.ContainsKey("dataset") || Feature < 49 && body.ContainsKey("type"))
        {
            return ("type", $"wrong card kind field for {Version}");
        }
        return null;
    }

    private (int, JsonNode?) CreateDashboard(JsonObject? body)
    {
        var dashboard = Stored(body!);
        // Dashcards sent at creation are ignored (#42642).
        dashboard["dashcards"] = new JsonArray();
        dashboard["archived"] = false;
        _dashboards.Add(dashboard);
        return (200, AsVersion(dashboard));
    }

    private (int, JsonNode?) UpdateDashboard(JsonObject? dashboard, JsonObject? body)
    {
        if (dashboard is null || body is null)
        {
            return (404, "Not found.");
        }
        var dashcards = body["dashcards"] as JsonArray;
        body.Remove("dashcards");
        body.Remove("tabs");
        Merge(dashboard, body);
        // dashcards in PUT /api/dashboard/:id arrived in 0.48; older versions ignore them.
        if (dashcards is not null && Feature >= 48)
        {
            return ReplaceDashcards(dashboard, dashcards);
        }
        return (200, AsVersion(dashboard));
    }

    /// <summary>The complete set: known id updated, negative id created, omitted deleted.</summary>
    private (int, JsonNode?) ReplaceDashcards(JsonObject? dashboard, JsonArray? cards)
    {
        if (dashboard is null || cards is null)
        {
            return (400, "value must be seq of maps in which ids are unique");
        }
        var ids = cards.Select(c => c?["id"]?.GetValue<int>()).ToList();
        if (ids.Any(i => i is null) || ids.Distinct().Count() != ids.Count
            || cards.Any(c => new[] { "size_x", "size_y", "row", "col" }.Any(f => c![f] is null)))
        {
            return (400, "value must be seq of maps in which ids are unique");
        }
        var known = ((JsonArray)dashboard["dashcards"]!).Select(d => d!["id"]!.GetValue<int>()).ToHashSet();
        var result = new JsonArray();
        foreach (var card in cards.Select(c => (JsonObject)c!.DeepClone()))
        {
            if (!known.Contains(card["id"]!.GetValue<int>()))
            {
                card["id"] = _nextId++;
            }
            card["dashboard_id"] = dashboard["id"]!.GetValue<int>();
            result.Add(card);
        }
        dashboard["dashcards"] = result;
        return (200, AsVersion(dashboard));
    }

    private JsonObject AsVersion(JsonObject dashboard)
    {
        var copy = (JsonObject)dashboard.DeepClone();
        if (DashcardsKey != "dashcards")
        {
            copy[DashcardsKey] = copy["dashcards"]!.DeepClone();
            copy.Remove("dashcards");
        }
        return copy;
    }

    private JsonObject Stored(JsonObject body)
    {
        var stored = (JsonObject)body.DeepClone();
        stored["id"] = _nextId++;
        stored["archived"] ??= false;
        stored["created_at"] = DateTimeOffset.UtcNow.ToString("O");
        return stored;
    }

    private static (int, JsonNode?) Update(JsonObject? target, JsonObject? body)
    {
        if (target is null || body is null)
        {
            return (404, "Not found.");
        }
        Merge(target, body);
        return (200, target.DeepClone());
    }

    private static void Merge(JsonObject target, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            target[key] = value?.DeepClone();
        }
    }

    private static (int, JsonNode?) Found(JsonObject? item) => item is null ? (404, "Not found.") : (200, item.DeepClone());

    private static JsonObject? Find(List<JsonObject> list, string id) => list.FirstOrDefault(i => i["id"]!.ToString() == id);

    private static bool IsArchived(JsonObject item) => item["archived"]?.GetValue<bool>() == true;

    private static JsonObject Masked(JsonObject database)
    {
        var copy = (JsonObject)database.DeepClone();
        if (copy["details"] is JsonObject details && details.ContainsKey("password"))
        {
            details["password"] = "**MetabasePass**";
        }
        return copy;
    }

    private static JsonArray Copy(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

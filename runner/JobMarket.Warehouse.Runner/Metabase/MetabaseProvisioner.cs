using System.Net;
using System.Text.Json.Nodes;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Metabase.Content;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Brings a Metabase in line with the repository's files: first-run setup when needed, the
/// warehouse registered through the read-only role, then upserts by name of the collection, the
/// cards and the dashboards. Running it twice changes nothing the second time; a dry run reads only.
/// </summary>
internal sealed class MetabaseProvisioner(
    MetabaseClient client, MetabaseOptions options, MetabaseCredentials credentials, ILogger<MetabaseProvisioner> logger)
{
    private const string Card = "card";
    private const string DashboardKind = "dashboard";

    public async Task<ProvisionResult> ProvisionAsync(
        MetabaseContent content, bool dryRun = false, bool rotateReaderPassword = false, CancellationToken ct = default)
    {
        credentials.Validate();
        var changes = new List<ProvisionChange>();
        await WaitForHealthAsync(ct);
        var properties = await client.GetAsync("api/session/properties", ct) as JsonObject
            ?? throw new WarehouseException("Metabase GET /api/session/properties returned no object");
        var version = MetabaseVersion.Parse(properties["version"]?["tag"]?.ToString());
        // Branch on has-user-setup: the setup token stays public after setup (pitfall 1).
        var hasUserSetup = properties["has-user-setup"] is JsonValue done && done.ToString() == "true";
        Log.MetabaseVersionFound(logger, version.Tag, hasUserSetup);

        if (!hasUserSetup)
        {
            if (!credentials.HasAdminLogin)
            {
                throw new WarehouseException(
                    $"Metabase is not set up yet: first-run setup needs {MetabaseCredentials.AdminEmailVariable} and {MetabaseCredentials.AdminPasswordVariable} (an API key exists only after setup)");
            }
            changes.Add(new ProvisionChange(ProvisionAction.Create, "setup", credentials.AdminEmail!, "first admin user"));
            if (dryRun)
            {
                // Nothing can be read before setup: everything would be created.
                PlanEverything(content, changes);
                return new ProvisionResult(version.Tag, dryRun, changes);
            }
            await SetupAsync(properties, version, ct);
        }
        else
        {
            await AuthenticateAsync(ct);
        }

        var databaseId = await UpsertDatabaseAsync(changes, dryRun, rotateReaderPassword, ct);
        if (!dryRun)
        {
            await SyncAsync(databaseId!.Value, ct);
        }
        var collectionId = await UpsertCollectionAsync(changes, version, dryRun, ct);
        var items = collectionId is { } id ? await CollectionItemsAsync(id, ct) : [];

        var cardIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var question in content.Questions)
        {
            cardIds[question.Slug] = await UpsertCardAsync(question, databaseId ?? -1, collectionId, items, version, changes, dryRun, ct);
        }
        foreach (var dashboard in content.Dashboards)
        {
            await UpsertDashboardAsync(dashboard, collectionId, items, cardIds, version, changes, dryRun, ct);
        }
        return new ProvisionResult(version.Tag, dryRun, changes);
    }

    private async Task WaitForHealthAsync(CancellationToken ct)
    {
        Log.MetabaseWaiting(logger, client.BaseAddress?.ToString() ?? "");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(options.HealthTimeoutSeconds);
        HttpStatusCode? last;
        while ((last = await client.HealthAsync(ct)) != HttpStatusCode.OK)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new WarehouseException(
                    $"Metabase at {client.BaseAddress} did not report healthy within {options.HealthTimeoutSeconds} s (last answer: {(last is null ? "no connection" : $"HTTP {(int)last}")})");
            }
            await Task.Delay(options.PollIntervalMilliseconds, ct);
        }
    }

    private async Task SetupAsync(JsonObject properties, MetabaseVersion version, CancellationToken ct)
    {
        var token = properties["setup-token"]?.ToString()
            ?? throw new WarehouseException("Metabase is not set up but publishes no setup-token");
        var prefs = new JsonObject { ["site_name"] = options.SiteName, ["site_locale"] = "en" };
        if (version.SetupTakesTracking)
        {
            prefs["allow_tracking"] = false;
        }
        var body = new JsonObject
        {
            ["token"] = token,
            ["user"] = new JsonObject { ["email"] = credentials.AdminEmail, ["password"] = credentials.AdminPassword },
            ["prefs"] = prefs,
        };
        var session = await client.PostAsync("api/setup", body, ct);
        client.UseSession(session?["id"]?.ToString() ?? throw new WarehouseException("Metabase setup returned no session id"));
        Log.MetabaseSetupDone(logger);
    }

    private async Task AuthenticateAsync(CancellationToken ct)
    {
        if (credentials.ApiKey is { } apiKey)
        {
            client.UseApiKey(apiKey);
            // Fails here with a clear 401 message rather than on the first write.
            await client.GetAsync("api/user/current", ct);
            return;
        }
        try
        {
            var session = await client.PostAsync("api/session",
                new JsonObject { ["username"] = credentials.AdminEmail, ["password"] = credentials.AdminPassword }, ct);
            client.UseSession(session?["id"]?.ToString() ?? throw new WarehouseException("Metabase login returned no session id"));
        }
        catch (MetabaseApiException ex) when (ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            throw new WarehouseException(
                $"Metabase refused the login of {MetabaseCredentials.AdminEmailVariable}={credentials.AdminEmail}: wrong e-mail or password (HTTP {(int)ex.Status}). Note that Metabase locks a login out after 10 failed attempts an hour.", ex);
        }
    }

    private async Task<int?> UpsertDatabaseAsync(List<ProvisionChange> changes, bool dryRun, bool rotatePassword, CancellationToken ct)
    {
        var details = new JsonObject
        {
            ["host"] = options.WarehouseHost,
            ["port"] = options.WarehousePort,
            ["dbname"] = options.WarehouseDatabase,
            ["user"] = options.WarehouseUser,
            ["ssl"] = options.WarehouseSsl,
            ["schema-filters-type"] = "inclusion",
            ["schema-filters-patterns"] = "marts,reco",
            ["tunnel-enabled"] = false,
            ["advanced-options"] = false,
        };
        var existing = JsonCompare.Items(await client.GetAsync("api/database", ct))
            .Where(d => d["name"]?.ToString() == options.DatabaseName && d["engine"]?.ToString() == "postgres")
            .OrderBy(d => MetabasePayloads.Int(d["id"]))
            .FirstOrDefault();

        ProvisionChange change;
        if (existing is null)
        {
            change = new ProvisionChange(ProvisionAction.Create, "database", options.DatabaseName,
                $"{options.WarehouseUser}@{options.WarehouseHost}:{options.WarehousePort}/{options.WarehouseDatabase}");
        }
        else
        {
            var differs = details.Where(kv => !JsonCompare.Contains(existing["details"]?[kv.Key], kv.Value)).Select(kv => kv.Key).ToList();
            if (rotatePassword)
            {
                differs.Add("password");
            }
            change = new ProvisionChange(differs.Count == 0 ? ProvisionAction.Unchanged : ProvisionAction.Update,
                "database", options.DatabaseName, differs.Count == 0 ? null : string.Join(", ", differs));
        }
        Record(changes, change, dryRun);
        if (dryRun || change.Action == ProvisionAction.Unchanged)
        {
            return MetabasePayloads.Int(existing?["id"]);
        }

        details["password"] = credentials.ReaderPassword ?? throw new WarehouseException(
            $"{MetabaseCredentials.ReaderPasswordVariable} is not set: Metabase connects to the warehouse as {options.WarehouseUser} with it");
        var body = new JsonObject
        {
            ["engine"] = "postgres",
            ["name"] = options.DatabaseName,
            ["details"] = details,
            ["is_full_sync"] = true,
            ["is_on_demand"] = false,
            ["auto_run_queries"] = true,
        };
        var saved = existing is null
            ? await client.PostAsync("api/database", body, ct)
            : await client.PutAsync($"api/database/{MetabasePayloads.Int(existing["id"])}", body, ct);
        return MetabasePayloads.Int(saved?["id"]) ?? MetabasePayloads.Int(existing?["id"])
            ?? throw new WarehouseException("Metabase returned no database id");
    }

    /// <summary>Asks for a schema sync (new marts appear) and waits for the first sync to complete.</summary>
    private async Task SyncAsync(int databaseId, CancellationToken ct)
    {
        await client.PostAsync($"api/database/{databaseId}/sync_schema", null, ct);
        Log.MetabaseSyncWaiting(logger, options.DatabaseName);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(options.SyncTimeoutSeconds);
        while (true)
        {
            var database = await client.GetAsync($"api/database/{databaseId}?include=tables", ct);
            if (database?["initial_sync_status"]?.ToString() is "complete" or "aborted")
            {
                return;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                Log.MetabaseSyncTimeout(logger, options.DatabaseName, options.SyncTimeoutSeconds);
                return;
            }
            await Task.Delay(options.PollIntervalMilliseconds, ct);
        }
    }

    private async Task<int?> UpsertCollectionAsync(List<ProvisionChange> changes, MetabaseVersion version, bool dryRun, CancellationToken ct)
    {
        // Top-level, not personal; the root's id is the string "root" (pitfall 6), so ids are read loosely.
        static IEnumerable<JsonObject> Candidates(JsonNode? list, string name) => JsonCompare.Items(list)
            .Where(c => c["name"]?.ToString() == name && c["personal_owner_id"] is null && MetabasePayloads.Int(c["id"]) is not null
                && (c["location"] is null || c["location"]!.ToString() == "/"))
            .OrderBy(c => MetabasePayloads.Int(c["id"]));

        var existing = Candidates(await client.GetAsync("api/collection", ct), options.CollectionName).FirstOrDefault()
            ?? Candidates(await client.GetAsync("api/collection?archived=true", ct), options.CollectionName).FirstOrDefault();
        var desired = new JsonObject
        {
            ["name"] = options.CollectionName,
            ["description"] = options.CollectionDescription,
            ["parent_id"] = null,
        };
        if (existing is null)
        {
            Record(changes, new ProvisionChange(ProvisionAction.Create, "collection", options.CollectionName), dryRun);
            if (dryRun)
            {
                return null;
            }
            if (version.Feature < 47)
            {
                desired["color"] = "#509EE3";
            }
            return MetabasePayloads.Int((await client.PostAsync("api/collection", desired, ct))?["id"])
                ?? throw new WarehouseException("Metabase returned no collection id");
        }

        var id = MetabasePayloads.Int(existing["id"])!.Value;
        var differs = new List<string>();
        if (existing["description"]?.ToString() != options.CollectionDescription)
        {
            differs.Add("description");
        }
        if (existing["archived"] is JsonValue archived && archived.ToString() == "true")
        {
            differs.Add("restored from the trash");
        }
        Record(changes, new ProvisionChange(differs.Count == 0 ? ProvisionAction.Unchanged : ProvisionAction.Update,
            "collection", options.CollectionName, differs.Count == 0 ? null : string.Join(", ", differs)), dryRun);
        if (differs.Count > 0 && !dryRun)
        {
            desired["archived"] = false;
            await client.PutAsync($"api/collection/{id}", desired, ct);
        }
        return id;
    }

    /// <summary>The collection's cards and dashboards, archived ones too (so they are restored, not copied).</summary>
    private async Task<List<JsonObject>> CollectionItemsAsync(int collectionId, CancellationToken ct)
    {
        var path = $"api/collection/{collectionId}/items?models=card&models=dashboard";
        var items = JsonCompare.Items(await client.GetAsync(path, ct)).ToList();
        items.AddRange(JsonCompare.Items(await client.GetAsync(path + "&archived=true", ct)));
        return items;
    }

    private int? FindItem(List<JsonObject> items, string model, string name)
    {
        var matches = items
            .Where(i => i["model"]?.ToString() == model && i["name"]?.ToString() == name)
            .Select(i => MetabasePayloads.Int(i["id"]))
            .OfType<int>()
            .Distinct()
            .Order()
            .ToList();
        if (matches.Count > 1)
        {
            // Names are not unique in Metabase (pitfall 5): the oldest one is the managed one.
            Log.MetabaseDuplicateName(logger, matches.Count, model, name, matches[0]);
        }
        return matches.Count == 0 ? null : matches[0];
    }

    private async Task<int> UpsertCardAsync(
        Question question, int databaseId, int? collectionId, List<JsonObject> items, MetabaseVersion version,
        List<ProvisionChange> changes, bool dryRun, CancellationToken ct)
    {
        var desired = MetabasePayloads.Card(question, databaseId, collectionId ?? -1, version);
        var id = FindItem(items, Card, question.Name);
        if (id is null)
        {
            Record(changes, new ProvisionChange(ProvisionAction.Create, Card, question.Name, question.File), dryRun);
            return dryRun ? -changes.Count : MetabasePayloads.Int((await client.PostAsync("api/card", desired, ct))?["id"])
                ?? throw new WarehouseException($"Metabase returned no id for card {question.Name}");
        }

        var current = await client.GetAsync($"api/card/{id}{(version.NeedsLegacyMbql ? "?legacy-mbql=true" : "")}", ct) as JsonObject ?? [];
        var differs = new List<string>();
        foreach (var (key, value) in desired)
        {
            var same = key == "visualization_settings"
                ? JsonCompare.Same(current[key], value)
                : JsonCompare.Contains(current[key], value);
            if (!same)
            {
                differs.Add(key == "dataset_query" ? "sql" : key);
            }
        }
        if (current["archived"] is JsonValue archived && archived.ToString() == "true")
        {
            differs.Add("restored from the trash");
        }
        Record(changes, new ProvisionChange(differs.Count == 0 ? ProvisionAction.Unchanged : ProvisionAction.Update,
            Card, question.Name, differs.Count == 0 ? null : string.Join(", ", differs)), dryRun);
        if (differs.Count > 0 && !dryRun)
        {
            desired["archived"] = false;
            await client.PutAsync($"api/card/{id}", desired, ct);
        }
        return id.Value;
    }

    private async Task UpsertDashboardAsync(
        Dashboard dashboard, int? collectionId, List<JsonObject> items, IReadOnlyDictionary<string, int> cardIds,
        MetabaseVersion version, List<ProvisionChange> changes, bool dryRun, CancellationToken ct)
    {
        var parameters = MetabasePayloads.DashboardParameters(dashboard);
        var id = FindItem(items, DashboardKind, dashboard.Name);
        if (id is null && dryRun)
        {
            Record(changes, new ProvisionChange(ProvisionAction.Create, DashboardKind, dashboard.Name, $"{dashboard.Cards.Count} cards"), dryRun);
            return;
        }

        var created = id is null;
        if (created)
        {
            // Dashcards in this body are ignored (#42642): they go in with the PUT below.
            var shell = new JsonObject
            {
                ["name"] = dashboard.Name,
                ["description"] = dashboard.Description,
                ["collection_id"] = collectionId,
                ["parameters"] = parameters.DeepClone(),
            };
            id = MetabasePayloads.Int((await client.PostAsync("api/dashboard", shell, ct))?["id"])
                ?? throw new WarehouseException($"Metabase returned no id for dashboard {dashboard.Name}");
        }

        var current = await client.GetAsync($"api/dashboard/{id}", ct) as JsonObject ?? [];
        var currentCards = ((current["dashcards"] ?? current["ordered_cards"]) as JsonArray ?? []).OfType<JsonObject>().ToList();
        var dashcards = MetabasePayloads.Dashcards(dashboard, cardIds, currentCards);
        var differs = new List<string>();
        if (current["description"]?.ToString() != dashboard.Description)
        {
            differs.Add("description");
        }
        if (MetabasePayloads.Int(current["collection_id"]) != collectionId)
        {
            differs.Add("collection");
        }
        if (!JsonCompare.Contains(current["parameters"], parameters))
        {
            differs.Add("filters");
        }
        var desiredKeys = dashcards.OfType<JsonObject>().Select(MetabasePayloads.DashcardKey).Order(StringComparer.Ordinal);
        var currentKeys = currentCards.Select(MetabasePayloads.DashcardKey).Order(StringComparer.Ordinal);
        if (!desiredKeys.SequenceEqual(currentKeys))
        {
            differs.Add("cards");
        }
        if (current["archived"] is JsonValue archived && archived.ToString() == "true")
        {
            differs.Add("restored from the trash");
        }
        Record(changes, created
            ? new ProvisionChange(ProvisionAction.Create, DashboardKind, dashboard.Name, $"{dashboard.Cards.Count} cards")
            : new ProvisionChange(differs.Count == 0 ? ProvisionAction.Unchanged : ProvisionAction.Update,
                DashboardKind, dashboard.Name, differs.Count == 0 ? null : string.Join(", ", differs)), dryRun);
        if (dryRun || (!created && differs.Count == 0))
        {
            return;
        }

        var body = new JsonObject
        {
            ["name"] = dashboard.Name,
            ["description"] = dashboard.Description,
            ["collection_id"] = collectionId,
            ["parameters"] = parameters,
            ["archived"] = false,
        };
        if (version.HasDashcards)
        {
            // The complete set: dashcards left out are deleted (pitfall 4).
            body["tabs"] = new JsonArray();
            body["dashcards"] = dashcards;
            await client.PutAsync($"api/dashboard/{id}", body, ct);
        }
        else
        {
            await client.PutAsync($"api/dashboard/{id}", body, ct);
            await client.PutAsync($"api/dashboard/{id}/cards", new JsonObject { ["cards"] = dashcards, ["ordered_tabs"] = new JsonArray() }, ct);
        }
    }

    private void PlanEverything(MetabaseContent content, List<ProvisionChange> changes)
    {
        changes.Add(new ProvisionChange(ProvisionAction.Create, "database", options.DatabaseName));
        changes.Add(new ProvisionChange(ProvisionAction.Create, "collection", options.CollectionName));
        changes.AddRange(content.Questions.Select(q => new ProvisionChange(ProvisionAction.Create, Card, q.Name, q.File)));
        changes.AddRange(content.Dashboards.Select(d => new ProvisionChange(ProvisionAction.Create, DashboardKind, d.Name, $"{d.Cards.Count} cards")));
    }

    private void Record(List<ProvisionChange> changes, ProvisionChange change, bool dryRun)
    {
        changes.Add(change);
        if (!dryRun && change.Action != ProvisionAction.Unchanged)
        {
            Log.MetabaseChange(logger, change.Kind, change.Name, change.Action.ToString().ToLowerInvariant());
        }
    }
}

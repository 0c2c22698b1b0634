using JobMarket.Warehouse.Runner;
using JobMarket.Warehouse.Runner.Metabase;
using JobMarket.Warehouse.Runner.Metabase.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Metabase;

public sealed class MetabaseProvisionerTests
{
    private const string Email = "admin@jobs.local";
    private const string Password = "Warehouse-2024";
    private const string ReaderSecret = "reader-Secret-42";

    private static readonly MetabaseCredentials s_login = new(Email, Password, null, ReaderSecret);

    private static async Task<ProvisionResult> ProvisionAsync(
        FakeMetabaseServer server, MetabaseContent content, MetabaseCredentials? credentials = null, bool dryRun = false)
    {
        using var http = new HttpClient { BaseAddress = server.Url };
        var options = new MetabaseOptions
        {
            Url = server.Url.ToString(),
            WarehouseHost = "warehouse",
            WarehousePort = 5432,
            WarehouseDatabase = "jobmarket",
            PollIntervalMilliseconds = 1,
        };
        options.Validate();
        var provisioner = new MetabaseProvisioner(new MetabaseClient(http), options, credentials ?? s_login, NullLogger<MetabaseProvisioner>.Instance);
        return await provisioner.ProvisionAsync(content, dryRun);
    }

    [Fact]
    public async Task ProvisionAsync_SetsUpAndCreatesEverything_WhenMetabaseIsNew()
    {
        await using var server = await FakeMetabaseServer.StartAsync("v0.50.20");
        using var files = new MetabaseTestContent();

        var result = await ProvisionAsync(server, files.Load());

        Assert.True(server.HasUserSetup);
        Assert.Equal(Email, server.AdminEmail);
        Assert.Equal(0, server.LoginAttempts); // the setup call's session is reused
        var database = Assert.Single(server.Databases);
        Assert.Equal("jobmarket_reader", database["details"]!["user"]!.ToString());
        Assert.Equal(ReaderSecret, database["details"]!["password"]!.ToString());
        Assert.Equal("marts,reco", database["details"]!["schema-filters-patterns"]!.ToString());
        Assert.Equal("complete", database["initial_sync_status"]!.ToString());
        var collection = Assert.Single(server.Collections);
        Assert.Equal(2, server.Cards.Count);
        Assert.All(server.Cards, c => Assert.Equal(collection["id"]!.ToString(), c["collection_id"]!.ToString()));
        Assert.All(server.Cards, c => Assert.Equal(database["id"]!.ToString(), c["dataset_query"]!["database"]!.ToString()));

        var byRegion = server.Card("Postings by région");
        Assert.Equal("question", byRegion["type"]!.ToString());
        Assert.Contains("[[and region_name = {{region}}]]", byRegion["dataset_query"]!["native"]!["query"]!.ToString());
        var tag = byRegion["dataset_query"]!["native"]!["template-tags"]!["region"]!;
        Assert.Equal("text", tag["type"]!.ToString());
        Assert.Equal("Région", tag["display-name"]!.ToString());
        var parameter = Assert.Single(byRegion["parameters"]!.AsArray())!;
        Assert.Equal(tag["id"]!.ToString(), parameter["id"]!.ToString());
        Assert.Equal("category", parameter["type"]!.ToString());
        Assert.Null(server.Card("Top skills")["description"]);
        Assert.Equal("10", server.Card("Top skills")["dataset_query"]!["native"]!["template-tags"]!["top"]!["default"]!.ToString());

        var dashcards = server.Dashcards("Overview");
        Assert.Equal(3, dashcards.Count);
        var text = dashcards.Single(d => d!["card_id"] is null)!;
        Assert.Equal("## Market", text["visualization_settings"]!["text"]!.ToString());
        var mapped = dashcards.Single(d => d!["card_id"]?.ToString() == byRegion["id"]!.ToString())!;
        var mapping = Assert.Single(mapped["parameter_mappings"]!.AsArray())!;
        Assert.Equal("region", mapping["parameter_id"]!.ToString());
        Assert.Equal("""["variable",["template-tag","region"]]""", mapping["target"]!.ToJsonString());
        Assert.Equal(12, mapped["size_x"]!.GetValue<int>());
        Assert.Equal("string/=", server.Dashboard("Overview")["parameters"]![0]!["type"]!.ToString());

        Assert.Equal(["setup", "database", "collection", "card", "card", "dashboard"], result.Changes.Select(c => c.Kind));
        Assert.All(result.Changes, c => Assert.Equal(ProvisionAction.Create, c.Action));
    }

    [Theory]
    [InlineData("v0.47.7")]
    [InlineData("v0.48.10")]
    [InlineData("v0.50.20")]
    [InlineData("v1.52.3")]
    [InlineData("v0.57.2")]
    public async Task ProvisionAsync_CreatesNothingNew_WhenRunTwice(string version)
    {
        await using var server = await FakeMetabaseServer.StartAsync(version);
        using var files = new MetabaseTestContent();
        await ProvisionAsync(server, files.Load());
        var cardIds = server.Cards.Select(c => c["id"]!.ToString()).ToList();
        var dashcardIds = server.Dashcards("Overview").Select(d => d!["id"]!.ToString()).ToList();
        var writesBefore = server.Writes.Count;

        var second = await ProvisionAsync(server, files.Load());

        Assert.All(second.Changes, c => Assert.Equal(ProvisionAction.Unchanged, c.Action));
        Assert.Equal(0, second.Created + second.Updated);
        Assert.Equal(["POST /api/session", "POST /api/database/:id/sync_schema"], server.Writes.Skip(writesBefore));
        Assert.Equal(cardIds, server.Cards.Select(c => c["id"]!.ToString()));
        Assert.Equal(dashcardIds, server.Dashcards("Overview").Select(d => d!["id"]!.ToString()));
        Assert.Single(server.Databases);
        Assert.Single(server.Collections);
        Assert.Single(server.Dashboards);
        Assert.Equal(3, server.Dashcards("Overview").Count);
    }

    [Fact]
    public async Task ProvisionAsync_UsesTheDashboardCardsEndpoint_WhenMetabaseIs047()
    {
        await using var server = await FakeMetabaseServer.StartAsync("v0.47.7");
        using var files = new MetabaseTestContent();

        await ProvisionAsync(server, files.Load());

        Assert.Contains("PUT /api/dashboard/:id/cards", server.Writes);
        Assert.Equal(3, server.Dashcards("Overview").Count);
        Assert.False(server.Card("Top skills")["dataset"]!.GetValue<bool>());
        Assert.Null(server.Card("Top skills")["type"]);
    }

    [Fact]
    public async Task ProvisionAsync_UpdatesTheCardInPlace_WhenAQuestionChanged()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        using var files = new MetabaseTestContent();
        await ProvisionAsync(server, files.Load());
        var id = server.Card("Top skills")["id"]!.ToString();
        var dashcardIds = server.Dashcards("Overview").Select(d => d!["id"]!.ToString()).ToList();

        files.Write("questions/top_skills.sql", MetabaseTestContent.TopSkills.Replace("count(*) as postings", "count(distinct posting_key) as postings"));
        var result = await ProvisionAsync(server, files.Load());

        var change = Assert.Single(result.Changes, c => c.Action != ProvisionAction.Unchanged);
        Assert.Equal((ProvisionAction.Update, "card", "Top skills"), (change.Action, change.Kind, change.Name));
        Assert.Contains("sql", change.Detail);
        Assert.Equal(2, server.Cards.Count);
        Assert.Equal(id, server.Card("Top skills")["id"]!.ToString());
        Assert.Contains("count(distinct posting_key)", server.Card("Top skills")["dataset_query"]!["native"]!["query"]!.ToString());
        Assert.Equal(dashcardIds, server.Dashcards("Overview").Select(d => d!["id"]!.ToString()));
    }

    [Fact]
    public async Task ProvisionAsync_RestoresTheLayout_WhenADashboardWasEditedInMetabase()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        using var files = new MetabaseTestContent();
        await ProvisionAsync(server, files.Load());
        var dashcards = server.Dashcards("Overview");
        var moved = dashcards.Single(d => d!["card_id"] is not null && d["parameter_mappings"]!.AsArray().Count == 0)!;
        var movedId = moved["id"]!.ToString();
        moved["col"] = 0;
        moved["row"] = 20;
        dashcards.RemoveAt(0); // the text card deleted by hand

        var result = await ProvisionAsync(server, files.Load());

        Assert.Equal(ProvisionAction.Update, result.Changes.Single(c => c.Kind == "dashboard").Action);
        var restored = server.Dashcards("Overview");
        Assert.Equal(3, restored.Count);
        var again = restored.Single(d => d!["id"]!.ToString() == movedId)!;
        Assert.Equal((12, 2), (again["col"]!.GetValue<int>(), again["row"]!.GetValue<int>()));
        Assert.Single(restored, d => d!["card_id"] is null);
    }

    [Fact]
    public async Task ProvisionAsync_RestoresTheArchivedCard_InsteadOfMakingACopy()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        using var files = new MetabaseTestContent();
        await ProvisionAsync(server, files.Load());
        server.Card("Top skills")["archived"] = true;

        var result = await ProvisionAsync(server, files.Load());

        Assert.Equal(2, server.Cards.Count);
        Assert.False(server.Card("Top skills")["archived"]!.GetValue<bool>());
        Assert.Contains("trash", result.Changes.Single(c => c.Name == "Top skills").Detail);
    }

    [Fact]
    public async Task ProvisionAsync_FailsWithAClearMessage_WhenThePasswordIsWrong()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        server.SetUpAlready(Email, "the-Real-one-1");

        var error = await Assert.ThrowsAnyAsync<WarehouseException>(() => ProvisionAsync(server, new MetabaseContent([], [])));

        Assert.Contains("MB_ADMIN_EMAIL=admin@jobs.local", error.Message);
        Assert.Contains("wrong e-mail or password", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
        Assert.Equal(1, server.LoginAttempts); // no retries that would trip the login throttle
        Assert.All(server.Writes, w => Assert.Equal("POST /api/session", w));
    }

    [Fact]
    public async Task ProvisionAsync_FailsWithAClearMessage_WhenTheApiKeyIsWrong()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        server.SetUpAlready(Email, Password);
        server.ApiKey = "mb_right";

        var error = await Assert.ThrowsAsync<MetabaseApiException>(() =>
            ProvisionAsync(server, new MetabaseContent([], []), new MetabaseCredentials(null, null, "mb_wrong", ReaderSecret)));

        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("MB_API_KEY", error.Message);
        Assert.DoesNotContain("mb_wrong", error.Message);
    }

    [Fact]
    public async Task ProvisionAsync_WorksWithAnApiKey_WhenNoLoginIsGiven()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        server.SetUpAlready(Email, Password);
        server.ApiKey = "mb_right";
        using var files = new MetabaseTestContent();

        var result = await ProvisionAsync(server, files.Load(), new MetabaseCredentials(null, null, "mb_right", ReaderSecret));

        Assert.Equal(0, server.LoginAttempts);
        Assert.Equal(5, result.Created);
    }

    [Fact]
    public async Task ProvisionAsync_FailsClearly_WhenSetupIsNeededButOnlyAnApiKeyIsGiven()
    {
        await using var server = await FakeMetabaseServer.StartAsync();

        var error = await Assert.ThrowsAsync<WarehouseException>(() =>
            ProvisionAsync(server, new MetabaseContent([], []), new MetabaseCredentials(null, null, "mb_key", ReaderSecret)));

        Assert.Contains("not set up yet", error.Message);
        Assert.False(server.HasUserSetup);
    }

    [Fact]
    public async Task ProvisionAsync_WritesNothing_WhenDryRun()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        using var files = new MetabaseTestContent();

        var fresh = await ProvisionAsync(server, files.Load(), dryRun: true);
        Assert.False(server.HasUserSetup);
        Assert.Equal(6, fresh.Created);

        await ProvisionAsync(server, files.Load());
        files.Write("questions/top_skills.sql", MetabaseTestContent.TopSkills.Replace("limit {{top}}", "limit {{top}} offset 0"));
        var writesBefore = server.Writes.Count;
        var planned = await ProvisionAsync(server, files.Load(), dryRun: true);

        Assert.Equal(["POST /api/session"], server.Writes.Skip(writesBefore));
        Assert.Equal("would update  card       Top skills (sql)", Assert.Single(planned.Changes, c => c.Action != ProvisionAction.Unchanged).Describe(dryRun: true));
        Assert.DoesNotContain("offset 0", server.Card("Top skills")["dataset_query"]!["native"]!["query"]!.ToString());
    }

    [Fact]
    public async Task ProvisionAsync_WaitsForMetabase_WhileItIsStarting()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        server.StartingHealthChecks = 3;
        using var files = new MetabaseTestContent();

        var result = await ProvisionAsync(server, files.Load());

        Assert.Equal(6, result.Created);
    }

    [Fact]
    public async Task ProvisionAsync_FailsNamingTheVersion_WhenMetabaseIsTooOld()
    {
        await using var server = await FakeMetabaseServer.StartAsync("v0.46.6");

        var error = await Assert.ThrowsAsync<WarehouseException>(() => ProvisionAsync(server, new MetabaseContent([], [])));

        Assert.Contains("v0.46.6 is too old", error.Message);
        Assert.Empty(server.Writes);
    }

    [Fact]
    public async Task ProvisionAsync_FailsBeforeWriting_WhenTheReaderPasswordIsMissing()
    {
        await using var server = await FakeMetabaseServer.StartAsync();
        server.SetUpAlready(Email, Password);

        var error = await Assert.ThrowsAsync<WarehouseException>(() =>
            ProvisionAsync(server, new MetabaseContent([], []), s_login with { ReaderPassword = null }));

        Assert.Contains("JOBMARKET_READER_PASSWORD", error.Message);
        Assert.Empty(server.Databases);
    }

    [Fact]
    public void Credentials_NeverShowSecrets_WhenPrinted()
    {
        var text = s_login.ToString();

        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(ReaderSecret, text);
        Assert.Contains(Email, text);
    }

    [Fact]
    public void Card_CarriesStableTemplateTagIds_AcrossLoads()
    {
        using var files = new MetabaseTestContent();
        var version = MetabaseVersion.Parse("v0.50.20");

        var first = MetabasePayloads.Card(files.Load().Questions[0], 2, 7, version);
        var second = MetabasePayloads.Card(files.Load().Questions[0], 2, 7, version);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(Guid.TryParse(first["parameters"]![0]!["id"]!.ToString(), out _));
    }
}

using System.Text.Json;
using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Tests.Models.Execution;

public sealed class ModelEngineTests
{
    [Fact]
    public async Task BuildAsync_BuildsEveryMaterializationAndRecordsTheRun_WhenTheProjectIsValid()
    {
        await using var harness = await EngineHarness.CreateAsync("basic");

        var result = await harness.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Nodes.Select(n => $"{n.Name}: {n.Status} {n.Message}")));
        Assert.Equal(
            ["assert_totals_match", "event_log", "mart_region", "reco_region", "region", "region_total", "stg_app__events"],
            result.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal));
        var kinds = await harness.QueryAsync<(string, string)>(
            "select n.nspname || '.' || c.relname, c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('seeds','staging','core','marts','reco') and c.relkind in ('r','v','m') order by 1");
        Assert.Equal(
            [("core.event_log", "r"), ("core.region_total", "r"), ("marts.mart_region", "r"), ("reco.reco_region", "m"), ("seeds.region", "r"), ("staging.stg_app__events", "v")],
            kinds);
        Assert.Equal(15m, await harness.ScalarAsync<decimal>("select amount_total from core.region_total where region_code = '11'"));
        Assert.Equal(3L, await harness.ScalarAsync<long>("select count(*) from seeds.region"));
        Assert.True(await harness.ScalarAsync<bool>("select is_overseas from seeds.region where region_code = '971'"));
        Assert.Equal("unique_region_total_on_region_code", await harness.ScalarAsync<string>("select indexname from pg_indexes where tablename = 'region_total'"));
        Assert.True(await harness.ScalarAsync<bool>("select has_table_privilege('jobmarket_reader', 'marts.mart_region', 'select') and has_table_privilege('jobmarket_reader', 'reco.reco_region', 'select')"));
        Assert.False(await harness.ScalarAsync<bool>("select has_table_privilege('jobmarket_reader', 'core.region_total', 'select')"));
        Assert.Empty(await harness.QueryAsync<(string, string, string?)>($"select node, status, error from audit.model_run where run_id = {result.RunId} and status <> 'success'"));
        Assert.Equal(7L, await harness.ScalarAsync<long>($"select count(*) from audit.model_run where run_id = {result.RunId}"));
        Assert.Equal("success", await harness.ScalarAsync<string>($"select status from audit.run where run_id = {result.RunId}"));
        Assert.True(await harness.ScalarAsync<long>($"select count(*) from audit.test_result where run_id = {result.RunId} and status = 'pass'") >= 7);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(harness.Target, "run_results.json")));
        Assert.Equal(7, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task BuildAsync_LeavesASeedAsLoaded_UntilItsFileChangesOrAFullRefresh()
    {
        await using var harness = await EngineHarness.CreateAsync("basic");
        Assert.True((await harness.BuildAsync()).Succeeded);

        var again = await harness.BuildAsync();
        Assert.Equal("unchanged", await SeedActionAsync(harness, again.RunId));
        Assert.Equal(3L, await harness.ScalarAsync<long>("select count(*) from seeds.region"));

        harness.Write("models/seeds/region.csv", """
            region_code,region_name,population,is_overseas
            11,Île-de-France,12271794,false
            84,"Auvergne-Rhône-Alpes",8042936,false
            971,Guadeloupe,384239,true
            972,Martinique,349925,true
            """);
        var edited = await harness.BuildAsync();
        Assert.True(edited.Succeeded);
        Assert.Equal("swapped", await SeedActionAsync(harness, edited.RunId));
        Assert.Equal(4L, await harness.ScalarAsync<long>("select count(*) from seeds.region"));

        var refreshed = await harness.BuildAsync(fullRefresh: true);
        Assert.Equal("swapped", await SeedActionAsync(harness, refreshed.RunId));
    }

    private static Task<string> SeedActionAsync(EngineHarness harness, long runId) =>
        harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {runId} and node = 'region'");

    [Fact]
    public async Task LastDurationsAsync_GivesEachBuiltNodesLastTime_AndNothingForANodeNeverBuilt()
    {
        await using var harness = await EngineHarness.CreateAsync("basic");
        var build = await harness.BuildAsync();
        Assert.True(build.Succeeded);

        var durations = await new RunJournal(harness.DataSource).LastDurationsAsync(["region", "region_total", "never_built"]);

        Assert.Equal(["region", "region_total"], durations.Keys.Order(StringComparer.Ordinal));
        Assert.All(durations.Values, seconds => Assert.InRange(seconds, 0, 60));
        var recorded = await harness.ScalarAsync<double>(
            $"select extract(epoch from finished_at - started_at)::float8 from audit.model_run where run_id = {build.RunId} and node = 'region_total'");
        Assert.Equal(recorded, durations["region_total"], 6);
    }
}

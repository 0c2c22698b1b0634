using JobMarket.Warehouse.Runner.Models.Testing;

namespace JobMarket.Warehouse.Tests.Models.Testing;

public sealed class SourceFreshnessTests
{
    [Theory]
    [InlineData("0 minutes", "pass")]
    [InlineData("3 hours", "warn")]
    [InlineData("3 days", "error")]
    public async Task CheckAsync_ComparesTheNewestRowWithTheThresholds(string age, string expected)
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        await harness.ExecuteAsync($"update raw.numbers set loaded_at = now() - interval '{age}'");
        var runId = await harness.ScalarAsync<long>("insert into audit.run (command) values ('freshness') returning run_id");

        var results = await SourceFreshness.CheckAsync(harness.DataSource, harness.Engine().LoadProject(), runId, []);

        Assert.Equal(expected, Assert.Single(results).Status);
        Assert.Equal(expected, await harness.ScalarAsync<string>($"select status from audit.source_freshness where run_id = {runId}"));
    }
}

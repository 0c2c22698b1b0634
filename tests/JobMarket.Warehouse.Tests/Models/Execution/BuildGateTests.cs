using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Tests.Models.Execution;

public sealed class BuildGateTests
{
    private static async Task<EngineHarness> ChainAsync()
    {
        var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", "select n, label from {{ source('numbers', 'numbers') }}\n");
        harness.Write("models/core/number.yml", """
            version: 2
            models:
              - name: number
                columns:
                  - name: n
                    tests: [unique, not_null]
                  - name: label
                    tests:
                      - accepted_values: {values: ['n1'], severity: warn}
            """);
        harness.Write("models/marts/number_mart.sql", "select n, label from {{ ref('number') }}\n");
        var first = await harness.BuildAsync();
        Assert.Equal(0, first.Count(NodeStatus.Error));
        return harness;
    }

    [Fact]
    public async Task BuildAsync_KeepsOldTablesAndSkipsDownstream_WhenAnErrorSeverityTestFails()
    {
        await using var harness = await ChainAsync();
        await harness.ExecuteAsync("alter table raw.numbers drop constraint numbers_pkey; insert into raw.numbers (n, label) values (5, 'dup'), (6, 'dup')");

        var result = await harness.BuildAsync();

        Assert.False(result.Succeeded);
        var number = result.Nodes.Single(n => n.Name == "number");
        Assert.Equal(NodeStatus.Error, number.Status);
        Assert.Contains("unique_number_n fail", number.Message);
        Assert.Equal(NodeStatus.Skipped, result.Nodes.Single(n => n.Name == "number_mart").Status);
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from core.number"));
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from marts.number_mart"));
        Assert.Equal(2L, await harness.ScalarAsync<long>($"select failures from audit.test_failure where run_id = {result.RunId} and test_name = 'unique_number_n'"));
        Assert.Equal(2L, await harness.ScalarAsync<long>($"select jsonb_array_length(sample) from audit.test_failure where run_id = {result.RunId} and test_name = 'unique_number_n'"));
        Assert.Equal("warn", await harness.ScalarAsync<string>($"select status from audit.test_result where run_id = {result.RunId} and test_name = 'accepted_values_number_label'"));
        Assert.Equal("failed", await harness.ScalarAsync<string>($"select status from audit.run where run_id = {result.RunId}"));
    }

    [Fact]
    public async Task BuildAsync_LeavesTheOldTableAndNamesFileAndLine_WhenAModelIsBroken()
    {
        await using var harness = await ChainAsync();
        harness.Write("models/core/number.sql", "select n,\n    label,\n    no_such_column\nfrom {{ source('numbers', 'numbers') }}\n");

        var result = await harness.BuildAsync();

        var number = result.Nodes.Single(n => n.Name == "number");
        Assert.Equal(NodeStatus.Error, number.Status);
        Assert.StartsWith("models/core/number.sql:3:", number.Message);
        Assert.Contains("no_such_column", number.Message);
        Assert.Equal(NodeStatus.Skipped, result.Nodes.Single(n => n.Name == "number_mart").Status);
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from core.number"));
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from pg_class where relname like 'number\\_\\_%'"));
    }

    [Fact]
    public async Task BuildAsync_FinishesCorrectly_WhenRunAgainAfterACancelledBuild()
    {
        await using var harness = await ChainAsync();
        harness.Write("models/core/number.sql",
            "select n, label || '!' as label from {{ source('numbers', 'numbers') }} where (select count(*) from pg_sleep(30)) = 1\n");
        using var cancel = new CancellationTokenSource();
        var engine = harness.Engine();
        var build = engine.BuildAsync(new BuildRequest(), null, cancel.Token);
        while (await harness.ScalarAsync<long>("select count(*) from pg_stat_activity where query like '%pg_sleep(30)%' and state = 'active' and pid <> pg_backend_pid()") == 0)
        {
            await Task.Delay(50);
        }
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        Assert.Equal("n1", await harness.ScalarAsync<string>("select label from core.number where n = 1"));
        Assert.Equal("cancelled", await harness.ScalarAsync<string>("select status from audit.run order by run_id desc limit 1"));

        harness.Write("models/core/number.sql", "select n, label || '!' as label from {{ source('numbers', 'numbers') }}\n");
        var again = await harness.BuildAsync(EngineCommand.Run);
        Assert.True(again.Succeeded, string.Join("; ", again.Nodes.Select(n => n.Message)));
        Assert.Equal("n1!", await harness.ScalarAsync<string>("select label from marts.number_mart where n = 1"));
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from pg_class where relname like 'number\\_\\_%'"));
    }

    [Fact]
    public async Task BuildAsync_DoesNotCollide_WhenTwoBuildsRunAtOnce()
    {
        await using var harness = await ChainAsync();

        var builds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => harness.Engine().BuildAsync(new BuildRequest { Threads = 2 })));

        Assert.All(builds, b => Assert.True(b.Succeeded, string.Join("; ", b.Nodes.Select(n => $"{n.Name} {n.Status} {n.Message}"))));
        Assert.Equal(3, builds.Select(b => b.RunId).Distinct().Count());
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from marts.number_mart"));
    }
}

using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Tests.Models.Materializations;

public sealed class MaterializerTests
{
    private const string NumbersTable = "select n, label from {{ source('numbers', 'numbers') }}\n";

    private static string Failures(BuildResult result) =>
        string.Join("\n", result.Nodes.Where(n => n.Status != NodeStatus.Success).Select(n => $"{n.Name}: {n.Status} {n.Message}"));

    [Fact]
    public async Task Table_KeepsDependentViewsAndTheirGrants_WhenRebuilt()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", NumbersTable);
        Assert.True((await harness.BuildAsync()).Succeeded);
        await harness.ExecuteAsync("""
            create view marts.analyst_numbers as select n, label from core.number where n <= 10;
            create view marts.analyst_count as select count(*) as total from marts.analyst_numbers;
            create materialized view marts.analyst_matview as select n from core.number where n <= 5;
            create unique index analyst_matview_n on marts.analyst_matview (n);
            comment on view marts.analyst_numbers is 'kept';
            grant select on marts.analyst_numbers to jobmarket_reader;
            insert into raw.numbers (n, label) values (1001, 'new');
            """);

        var result = await harness.BuildAsync();

        Assert.True(result.Succeeded, Failures(result));
        Assert.Equal(1001L, await harness.ScalarAsync<long>("select count(*) from core.number"));
        Assert.Equal(10L, await harness.ScalarAsync<long>("select total from marts.analyst_count"));
        Assert.Equal(5L, await harness.ScalarAsync<long>("select count(*) from marts.analyst_matview"));
        Assert.Equal("kept", await harness.ScalarAsync<string>("select obj_description('marts.analyst_numbers'::regclass, 'pg_class')"));
        Assert.True(await harness.ScalarAsync<bool>("select has_table_privilege('jobmarket_reader', 'marts.analyst_numbers', 'select')"));
        Assert.True(await harness.ScalarAsync<bool>("select exists (select from pg_indexes where indexname = 'analyst_matview_n')"));
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from pg_class where relname like '%\\_\\_tmp\\_%' or relname like '%\\_\\_old\\_%'"));
    }

    [Fact]
    public async Task View_IsSwappedAndDependentsRecreated_WhenItsColumnsChangeIncompatibly()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/staging/numbers/stg_numbers.sql", "select n, label from {{ source('numbers', 'numbers') }}\n");
        harness.Write("models/marts/number_view.sql", "{{ config(materialized='view') }}\nselect n from {{ ref('stg_numbers') }}\n");
        Assert.True((await harness.BuildAsync()).Succeeded);
        await harness.ExecuteAsync("create view marts.analyst_view as select label from staging.stg_numbers");

        harness.Write("models/staging/numbers/stg_numbers.sql", "select n::bigint as n, upper(label) as label, true as is_new from {{ source('numbers', 'numbers') }}\n");
        var result = await harness.BuildAsync(EngineCommand.Build, false, "stg_numbers");

        Assert.True(result.Succeeded, Failures(result));
        Assert.Equal("swapped", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {result.RunId} and node = 'stg_numbers'"));
        Assert.Equal("bigint", await harness.ScalarAsync<string>("select data_type from information_schema.columns where table_schema = 'staging' and table_name = 'stg_numbers' and column_name = 'n'"));
        Assert.Equal("N1", await harness.ScalarAsync<string>("select label from marts.analyst_view order by label limit 1"));
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from marts.number_view"));
    }

    [Fact]
    public async Task View_IsLeftAloneWithoutWaitingForReaders_WhenItsDefinitionIsUnchanged()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/marts/number_view.sql", "{{ config(materialized='view') }}\nselect n from {{ source('numbers', 'numbers') }}\n");
        Assert.True((await harness.BuildAsync()).Succeeded);
        // A reader inside a transaction holds its lock on the view: a `create or replace` would wait for it.
        await using var reader = await harness.DataSource.OpenConnectionAsync();
        await using var transaction = await reader.BeginTransactionAsync();
        await using (var read = new Npgsql.NpgsqlCommand("select count(*) from marts.number_view", reader, transaction))
        {
            Assert.Equal(1000L, await read.ExecuteScalarAsync());
        }

        // Bounded: a build that waits for the reader fails the test instead of hanging it.
        var unchanged = await harness.Engine().BuildAsync(new BuildRequest()).WaitAsync(TimeSpan.FromSeconds(60));
        await transaction.CommitAsync();
        harness.Write("models/marts/number_view.sql", "{{ config(materialized='view') }}\nselect n, n * 2 as twice from {{ source('numbers', 'numbers') }}\n");
        var changed = await harness.BuildAsync();

        Assert.True(unchanged.Succeeded, Failures(unchanged));
        Assert.Equal("unchanged", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {unchanged.RunId}"));
        Assert.True(changed.Succeeded, Failures(changed));
        Assert.Equal("replaced", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {changed.RunId}"));
        Assert.Equal(2000L, await harness.ScalarAsync<long>("select sum(twice) / sum(n) * 1000 from marts.number_view"));
    }

    [Fact]
    public async Task View_IsReplaced_WhenARelationItSelectsStarFromGainsAColumn()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/marts/all_numbers.sql", "{{ config(materialized='view') }}\nselect * from {{ source('numbers', 'numbers') }}\n");
        Assert.True((await harness.BuildAsync()).Succeeded);
        await harness.ExecuteAsync("alter table raw.numbers add column extra integer not null default 7");

        var result = await harness.BuildAsync();

        Assert.True(result.Succeeded, Failures(result));
        Assert.Equal("replaced", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {result.RunId}"));
        Assert.Equal(7000L, await harness.ScalarAsync<long>("select sum(extra) from marts.all_numbers"));
    }

    [Fact]
    public async Task Incremental_MergesByUniqueKeyAndHandlesSchemaChanges_AcrossRuns()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        const string model = """
            {{ config(materialized='incremental', unique_key='n') }}
            select n, label, loaded_at from {{ source('numbers', 'numbers') }}
            {% if is_incremental() %}
            where loaded_at > (select max(loaded_at) from {{ this }})
            {% endif %}

            """;
        harness.Write("models/core/number_log.sql", model);
        var first = await harness.BuildAsync();
        Assert.True(first.Succeeded, Failures(first));
        Assert.Equal(1000L, first.Nodes.Single().Rows);

        await harness.ExecuteAsync("update raw.numbers set label = 'changed', loaded_at = now() + interval '1 minute' where n = 1; insert into raw.numbers (n, label, loaded_at) values (1001, 'new', now() + interval '1 minute')");
        var second = await harness.BuildAsync();
        Assert.True(second.Succeeded, Failures(second));
        Assert.Equal(2L, second.Nodes.Single().Rows);
        Assert.Equal(1001L, await harness.ScalarAsync<long>("select count(*) from core.number_log"));
        Assert.Equal("changed", await harness.ScalarAsync<string>("select label from core.number_log where n = 1"));

        harness.Write("models/core/number_log.sql", model.Replace("select n, label, loaded_at", "select n, label, loaded_at, n * 2 as doubled", StringComparison.Ordinal));
        var drift = await harness.BuildAsync();
        Assert.False(drift.Succeeded);
        Assert.Contains("doubled", drift.Nodes.Single().Message);
        Assert.Contains("append_new_columns", drift.Nodes.Single().Message);
        Assert.Equal(3L, await harness.ScalarAsync<long>("select count(*) from information_schema.columns where table_schema = 'core' and table_name = 'number_log'"));

        harness.Write("models/core/number_log.sql", model
            .Replace("unique_key='n'", "unique_key='n', on_schema_change='append_new_columns'", StringComparison.Ordinal)
            .Replace("select n, label, loaded_at", "select n, label, loaded_at, n * 2 as doubled", StringComparison.Ordinal));
        var appended = await harness.BuildAsync();
        Assert.True(appended.Succeeded, Failures(appended));
        Assert.Equal(1001L, await harness.ScalarAsync<long>("select count(*) from core.number_log"));

        var full = await harness.BuildAsync(EngineCommand.Build, fullRefresh: true);
        Assert.True(full.Succeeded, Failures(full));
        Assert.Equal(1001L, full.Nodes.Single().Rows);
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from core.number_log where doubled is null"));
    }

    [Fact]
    public async Task Incremental_TestsTheNewRowsAndKeepsTheTable_WhenANewRowFailsATest()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number_log.sql", """
            {{ config(materialized='incremental', unique_key='n') }}
            select n, nullif(label, 'bad') as label, loaded_at from {{ source('numbers', 'numbers') }}
            {% if is_incremental() %}
            where loaded_at > (select max(loaded_at) from {{ this }})
            {% endif %}

            """);
        harness.Write("models/core/number_log.yml", """
            version: 2
            models:
              - name: number_log
                columns:
                  - name: label
                    tests: [not_null]
            """);
        Assert.True((await harness.BuildAsync()).Succeeded);
        await harness.ExecuteAsync("insert into raw.numbers (n, label, loaded_at) values (1001, 'bad', now() + interval '1 minute'), (1002, 'ok', now() + interval '1 minute')");

        var result = await harness.BuildAsync();

        Assert.False(result.Succeeded);
        var test = Assert.Single(result.Nodes.Single().Tests);
        Assert.Equal(1L, test.Failures);
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select count(*) from core.number_log"));
    }

    [Fact]
    public async Task Hooks_RunInTheModelsTransaction_BeforeAndAfterItsSql()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", """
            {{ config(
                pre_hook=["set local work_mem = '77MB'"],
                post_hook=["delete from core.number where n > 10", "comment on table core.number is 'hooked'"]
            ) }}
            select n, current_setting('work_mem') as work_mem from {{ source('numbers', 'numbers') }}

            """);

        var result = await harness.BuildAsync();

        Assert.True(result.Succeeded, Failures(result));
        Assert.Equal("77MB", await harness.ScalarAsync<string>("select distinct work_mem from core.number"));
        Assert.Equal(10L, await harness.ScalarAsync<long>("select count(*) from core.number"));
        Assert.Equal("hooked", await harness.ScalarAsync<string>("select obj_description('core.number'::regclass, 'pg_class')"));
        Assert.NotEqual("77MB", await harness.ScalarAsync<string>("select current_setting('work_mem')"));
    }

    [Fact]
    public async Task Hooks_PlanOnlyTheModelsQueryWithTheirPlannerSettings_WhenAPreHookTurnsAJoinMethodOff()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", """
            {{ config(
                pre_hook=["set local enable_nestloop = off", "set local work_mem = '77MB'"],
                post_hook=["create table core.post_hook_settings as select current_setting('enable_nestloop') as enable_nestloop, current_setting('work_mem') as work_mem"]
            ) }}
            select n, current_setting('enable_nestloop') as enable_nestloop from {{ source('numbers', 'numbers') }}

            """);

        var result = await harness.BuildAsync();

        Assert.True(result.Succeeded, Failures(result));
        Assert.Equal("off", await harness.ScalarAsync<string>("select distinct enable_nestloop from core.number"));
        // the post-hook (like the tests and the merge) is planned with nested loops again; work_mem stays
        Assert.Equal("on 77MB", await harness.ScalarAsync<string>("select enable_nestloop || ' ' || work_mem from core.post_hook_settings"));
    }

    [Fact]
    public async Task Incremental_CreatesAConfiguredIndex_WhenItWasAddedAfterTheFirstBuild()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        const string model = """
            {{ config(materialized='incremental', unique_key='n'INDEXES) }}
            select n, label, loaded_at from {{ source('numbers', 'numbers') }}
            {% if is_incremental() %}
            where loaded_at > (select max(loaded_at) from {{ this }})
            {% endif %}

            """;
        harness.Write("models/core/number_log.sql", model.Replace("INDEXES", "", StringComparison.Ordinal));
        Assert.True((await harness.BuildAsync()).Succeeded);
        const string indexes = "select count(*) from pg_indexes where schemaname = 'core' and tablename = 'number_log'";
        Assert.Equal(0L, await harness.ScalarAsync<long>(indexes));

        harness.Write("models/core/number_log.sql", model.Replace("INDEXES", ", indexes=[{'columns': ['label']}, {'columns': ['n'], 'unique': true}]", StringComparison.Ordinal));
        var second = await harness.BuildAsync();
        var third = await harness.BuildAsync();

        Assert.True(second.Succeeded, Failures(second));
        Assert.True(third.Succeeded, Failures(third));
        Assert.Equal(
            ["index_number_log_on_label", "unique_number_log_on_n"],
            await harness.QueryAsync<string>("select indexname from pg_indexes where schemaname = 'core' and tablename = 'number_log' order by indexname"));
    }

    [Fact]
    public async Task Hooks_FailTheNodeAndKeepThePreviousData_WhenAHookFails()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", NumbersTable);
        Assert.True((await harness.BuildAsync()).Succeeded);
        harness.Write("models/core/number.sql", "{{ config(post_hook='delete from core.no_such_table') }}\n" + NumbersTable.Replace("select n", "select n * 2 as n", StringComparison.Ordinal));

        var result = await harness.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("post_hook", result.Nodes.Single().Message);
        Assert.Contains("no_such_table", result.Nodes.Single().Message);
        Assert.Equal(1000L, await harness.ScalarAsync<long>("select max(n) from core.number"));
    }

    [Fact]
    public async Task MaterializedView_RefreshesConcurrentlyWhenUnchangedAndRebuildsWhenChanged()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        const string model = "{{ config(indexes=[{'columns': ['n'], 'unique': true}]) }}\nselect n, label from {{ source('numbers', 'numbers') }}\n";
        harness.Write("models/reco/reco_number.sql", model);
        Assert.True((await harness.BuildAsync()).Succeeded);
        await harness.ExecuteAsync("insert into raw.numbers (n, label) values (1001, 'new')");

        var unchanged = await harness.BuildAsync();
        Assert.True(unchanged.Succeeded, Failures(unchanged));
        Assert.Equal("refreshed concurrently", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {unchanged.RunId}"));
        Assert.Equal(1001L, await harness.ScalarAsync<long>("select count(*) from reco.reco_number"));

        harness.Write("models/reco/reco_number.sql", model.Replace("select n, label", "select n, label, n % 7 as bucket", StringComparison.Ordinal));
        var changed = await harness.BuildAsync();
        Assert.True(changed.Succeeded, Failures(changed));
        Assert.Equal("rebuilt (definition changed)", await harness.ScalarAsync<string>($"select action from audit.model_run where run_id = {changed.RunId}"));
        Assert.Equal(3L, await harness.ScalarAsync<long>("select count(*) from pg_attribute where attrelid = 'reco.reco_number'::regclass and attnum > 0"));
        Assert.True(await harness.ScalarAsync<bool>("select has_table_privilege('jobmarket_reader', 'reco.reco_number', 'select')"));
        Assert.Equal("unique_reco_number_on_n", await harness.ScalarAsync<string>("select indexname from pg_indexes where tablename = 'reco_number'"));
    }

    [Fact]
    public async Task Table_NeverShowsReadersAMissingOrPartialTable_During20Rebuilds()
    {
        await using var harness = await EngineHarness.CreateAsync("minimal");
        harness.Write("models/core/number.sql", NumbersTable);
        harness.Write("models/marts/number_count.sql", "{{ config(materialized='view') }}\nselect count(*) as total from {{ ref('number') }}\n");
        Assert.True((await harness.BuildAsync()).Succeeded);

        using var stop = new CancellationTokenSource();
        var counts = new List<long>();
        var reader = Task.Run(async () =>
        {
            await using var connection = await harness.DataSource.OpenConnectionAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var command = new Npgsql.NpgsqlCommand("select count(*) from core.number", connection);
                counts.Add((long)(await command.ExecuteScalarAsync())!);
                await using var view = new Npgsql.NpgsqlCommand("select total from marts.number_count", connection);
                counts.Add((long)(await view.ExecuteScalarAsync())!);
            }
        });
        for (var i = 0; i < 20; i++)
        {
            var result = await harness.BuildAsync(EngineCommand.Run, false, "number");
            Assert.True(result.Succeeded, Failures(result));
        }
        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Equal(1000L, c));
    }
}

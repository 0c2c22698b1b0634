using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Models.Parsing;

public sealed class ProjectLoaderTests
{
    private static ProjectException LoadFails(params (string Path, string Text)[] files)
    {
        using var folder = new TempFolder();
        foreach (var (path, text) in files)
        {
            folder.Write(path, text);
        }
        return Assert.Throws<ProjectException>(() => ProjectLoader.Load(folder.Path));
    }

    [Theory]
    [InlineData("models/core/a.sql", "select 1\nfrom {{ ref('missing') }}\n", "models/core/a.sql:2: ref('missing') names no model or seed")]
    [InlineData("models/core/a.sql", "select 1\n\n{{ var('x') }}\n", "models/core/a.sql:3: unsupported Jinja '{{ var('x') }}'")]
    [InlineData("models/core/a.sql", "{% for x in y %}\n", "models/core/a.sql:1: unsupported Jinja '{% for x in y %}'")]
    [InlineData("models/core/a.sql", "{% if is_incremental() %}\nselect 1\n", "models/core/a.sql:1: '{% if %}' is not closed by '{% endif %}'")]
    [InlineData("models/core/a.sql", "{{ config(materialized='ephemeral') }}\nselect 1\n", "models/core/a.sql:1: materialized must be one of")]
    [InlineData("models/core/a.sql", "{{ config(colour='red') }}\nselect 1\n", "models/core/a.sql:1: unknown config key 'colour'")]
    [InlineData("models/core/a.sql", "select * from {{ source('nope', 't') }}\n", "models/core/a.sql:1: source('nope', 't') is not declared")]
    [InlineData("models/core/a.sql", "{{ config(materialized='incremental') }}\nselect 1\n", "models/core/a.sql: an incremental model needs unique_key")]
    public void Load_NamesFileAndLine_WhenAModelIsWrong(string path, string sql, string expected)
    {
        var error = LoadFails((path, sql));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("version: 2\nmodels:\n  - name: a\n    descripton: typo\n", "models/core/a.yml:4: unknown key 'descripton' in a model")]
    [InlineData("version: 2\nmodels:\n  - name: a\n    columns:\n      - name: x\n        tests: [uniq]\n", "models/core/a.yml:6: unknown test 'uniq'")]
    [InlineData("version: 2\nmodels:\n  - name: b\n", "models/core/a.yml:3: model 'b' has no b.sql file")]
    [InlineData("version: 2\nmodels:\n  - name: a\n    columns:\n      - name: x\n        tests:\n          - accepted_values: {severity: warn}\n", "models/core/a.yml:7: accepted_values needs values")]
    [InlineData("version: 2\nmodels: [\n", "models/core/a.yml:")]
    public void Load_NamesFileAndLine_WhenYamlIsWrong(string yaml, string expected)
    {
        var error = LoadFails(("models/core/a.sql", "select 1 as x\n"), ("models/core/a.yml", yaml));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Load_NamesTheCycleAndTheRefClosingIt_WhenModelsReferToEachOther()
    {
        var error = LoadFails(
            ("models/core/a.sql", "select * from {{ ref('c') }}\n"),
            ("models/core/b.sql", "select * from {{ ref('a') }}\n"),
            ("models/core/c.sql", "select 1\nunion all\nselect * from {{ ref('b') }}\n"));

        Assert.Matches(@"^models/core/\w\.sql:\d: cycle in ref\(\): (\w -> ){3}\w$", error.Message);
        Assert.Contains("a -> b -> c -> a", error.Message.Replace("c -> a -> b -> c", "a -> b -> c -> a").Replace("b -> c -> a -> b", "a -> b -> c -> a"));
    }

    [Fact]
    public void Load_AppliesFolderDefaultsThenYamlThenSqlConfig()
    {
        using var folder = new TempFolder();
        folder.Write("models/models.yml", "version: 2\nfolders:\n  core:\n    materialized: table\n    tags: [daily]\n  core/deep:\n    materialized: view\n");
        folder.Write("models/core/a.sql", "select 1 as x\n");
        folder.Write("models/core/deep/b.sql", "select 1 as x\n");
        folder.Write("models/core/c.sql", "{{ config(materialized='incremental', unique_key=['x']) }}\nselect 1 as x\n");
        folder.Write("models/core/c.yml", "version: 2\nmodels:\n  - name: c\n    config: {materialized: view, tags: [hourly]}\n");

        var project = ProjectLoader.Load(folder.Path);

        Assert.Equal("table", project.Nodes["a"].Materialized);
        Assert.Equal("view", project.Nodes["b"].Materialized);
        Assert.Equal("incremental", project.Nodes["c"].Materialized);
        Assert.Equal(["daily", "hourly"], project.Nodes["c"].Config.Tags);
        Assert.Equal(["x"], project.Nodes["c"].Config.UniqueKey);
    }

    [Fact]
    public void Load_RunsFolderHooksBeforeTheModelsOwn_WhenBothGiveHooks()
    {
        using var folder = new TempFolder();
        folder.Write("models/models.yml", "version: 2\nfolders:\n  core:\n    pre_hook: \"set local jit = off\"\n");
        folder.Write("models/core/a.sql", "select 1 as x\n");
        folder.Write("models/core/b.sql", "{{ config(pre_hook=[\"set local work_mem = '64MB'\"], post_hook='analyze core.b') }}\nselect 1 as x\n");

        var project = ProjectLoader.Load(folder.Path);

        Assert.Equal(["set local jit = off"], project.Nodes["a"].Config.PreHook);
        Assert.Equal(["set local jit = off", "set local work_mem = '64MB'"], project.Nodes["b"].Config.PreHook);
        Assert.Equal(["analyze core.b"], project.Nodes["b"].Config.PostHook);
    }

    [Fact]
    public void Render_KeepsLineNumbers_WhenBranchesAndConfigAreRemoved()
    {
        const string sql = "{{ config(\n    materialized='incremental',\n    unique_key='id') }}\nselect id\nfrom {{ this }}\n{% if is_incremental() %}\nwhere id > 1\n{% else %}\nwhere true\n{% endif %}\n-- end\n";
        var template = JinjaTemplate.Parse("m.sql", sql);
        var context = new RenderContext(n => n, (s, t) => $"{s}.{t}", "core.m", IsIncremental: true);

        var rendered = template.Render(context);

        Assert.Equal(sql.Count(c => c == '\n'), rendered.Count(c => c == '\n'));
        Assert.Equal("where id > 1", rendered.Split('\n')[6]);
        Assert.Equal("-- end", rendered.Split('\n')[10]);
        Assert.DoesNotContain("where true", rendered);
    }
}

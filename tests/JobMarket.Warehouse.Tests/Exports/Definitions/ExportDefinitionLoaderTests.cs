using JobMarket.Warehouse.Runner.Exports.Definitions;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Exports.Definitions;

public sealed class ExportDefinitionLoaderTests : IDisposable
{
    private const string Valid =
        """
        name: demo
        title: Demo workbook
        description: For the tests.
        parameters:
          region:
            type: text
            description: A région.
          since:
            type: date
            required: true
            default: today-4w
        schedule:
          cron: "0 7 * * 1"
          time_zone: Europe/Paris
        sheets:
          - name: Overview
            sql: select * from marts.x where region = @region and day >= @since -- not @ignored
            columns:
              - name: salary
                title: Salary
                format: eur
                width: 14
          - name: Model
            model: mart_salary_benchmark
            where: region_name = coalesce(@region, region_name) and note <> '@literal'
            order_by: region_name
            columns:
              - name: region_name
              - name: median_eur
                format: eur_cents
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ExportDefinition Load(string yaml, string name = "demo") =>
        ExportDefinitionLoader.LoadFile(_folder.Write($"exports/{name}.yml", yaml), _folder.Path);

    [Fact]
    public void LoadFile_ReadsEveryField_WhenTheDefinitionIsValid()
    {
        var definition = Load(Valid);

        Assert.Equal(("demo", "Demo workbook", "For the tests.", "exports/demo.yml"), (definition.Name, definition.Title, definition.Description, definition.File));
        Assert.Equal(new ExportSchedule("0 7 * * 1", "Europe/Paris"), definition.Schedule);
        Assert.Equal([("region", ExportParameterType.Text, false, null), ("since", ExportParameterType.Date, true, "today-4w")],
            definition.Parameters.Select(p => (p.Name, p.Type, p.Required, p.Default)));
        Assert.Equal(["Overview", "Model"], definition.Sheets.Select(s => s.Name));
        Assert.Equal(new ExportColumn("salary", "Salary", ColumnFormat.Eur, 14, 19), definition.Sheets[0].Columns[0]);
        Assert.Equal(
            "select \"region_name\", \"median_eur\" from \"marts\".\"mart_salary_benchmark\"\nwhere region_name = coalesce(@region, region_name) and note <> '@literal'\norder by region_name",
            definition.Sheets[1].Sql);
        Assert.Equal(ColumnFormat.EurCents, definition.Sheets[1].Column("median_eur")!.Format);
    }

    [Theory]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select 1\n    colour: red\n", 5, "sheets[A].colour", "unknown field; expected one of name, description, sql, model, where, order_by, columns")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select 1\n    columns:\n      - name: x\n        format: money\n", 7, "sheets[A].columns[x].format", "'money' is not one of text, integer")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select 1\n    columns:\n      - name: x\n        width: 0\n", 7, "sheets[A].columns[x].width", "'0' is not a width between 1 and 255")]
    [InlineData("title: T\nschedule:\n  cron: every monday\nsheets:\n  - name: A\n    sql: select 1\n", 3, "schedule.cron", "'every monday' is not a 5-field cron expression")]
    [InlineData("title: T\nschedule:\n  cron: 0 7 * * 1\n  time_zone: Mars/Olympus\nsheets:\n  - name: A\n    sql: select 1\n", 4, "schedule.time_zone", "'Mars/Olympus' is not a known time zone")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select @regoin\n", 4, "sheets[A].sql", "references @regoin, which is not declared under 'parameters'")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select 1\n    model: mart_x\n", 3, "sheets[A]", "needs exactly one of 'sql' or 'model'")]
    [InlineData("title: T\nsheets:\n  - name: A\n    model: \"mart_x; drop table y\"\n", 4, "sheets[A].model", "'mart_x; drop table y' is not a model name")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: select 1\n  - name: a\n    sql: select 2\n", 5, "sheets[a].name", "is used by another sheet")]
    [InlineData("title: T\nparameters:\n  since:\n    type: date\n    default: yesterday\nsheets:\n  - name: A\n    sql: select @since\n", 5, "parameters.since.default", "parameter 'since' expects a date")]
    [InlineData("title: T\nparameters:\n  n:\n    type: float\nsheets:\n  - name: A\n    sql: select @n\n", 4, "parameters.n.type", "'float' is not one of text, integer, decimal, date, boolean")]
    [InlineData("title: T\nparameters:\n  n:\n    required: maybe\nsheets:\n  - name: A\n    sql: select @n\n", 4, "parameters.n.required", "'maybe' is not true or false")]
    [InlineData("description: no title\nsheets:\n  - name: A\n    sql: select 1\n", 1, "title", "is required")]
    [InlineData("title: T\nsheets: []\n", 2, "sheets", "expected a non-empty list of sheets")]
    [InlineData("name: other\ntitle: T\nsheets:\n  - name: A\n    sql: select 1\n", 1, "name", "'other' must match the file name 'demo'")]
    [InlineData("title: T\nsheets:\n  - name: A\n    sql: [select 1\n", 5, "yaml", "")]
    public void LoadFile_FailsNamingFileLineAndField_WhenTheDefinitionIsWrong(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<ExportDefinitionException>(() => Load(yaml));

        Assert.Equal(("exports/demo.yml", line, field), (error.File, error.Line, error.Field));
        Assert.StartsWith($"exports/demo.yml:{line}: {field}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_Fails_WhenTwoFilesClaimOneName()
    {
        _folder.Write("exports/a.yml", "title: A\nsheets:\n  - name: A\n    sql: select 1\n");
        _folder.Write("exports/b.yml", "name: a\ntitle: B\nsheets:\n  - name: A\n    sql: select 1\n");

        var error = Assert.Throws<ExportDefinitionException>(() => ExportDefinitionLoader.LoadFolder(Path.Combine(_folder.Path, "exports"), _folder.Path));

        Assert.StartsWith("exports/b.yml:1: name: 'a' must match the file name 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_LoadsTheProjectsExports_WithTheirSchedules()
    {
        var definitions = ExportDefinitionLoader.LoadFolder(Path.Combine(RepositoryPaths.Project.Models, "exports"), RepositoryPaths.Home);

        Assert.Equal(["postings_list", "salary_benchmark", "weekly_market_report"], definitions.Select(d => d.Name));
        Assert.All(definitions, d => Assert.NotEmpty(d.Sheets));
        Assert.NotNull(definitions.Single(d => d.Name == "weekly_market_report").Schedule);
    }

    [Theory]
    [InlineData("select @a, @b_2 from t", "a,b_2")]
    [InlineData("select '@not' as x, \"@nope\" -- @comment\nfrom t where y = @yes", "yes")]
    [InlineData("select tags @> array['x'] and doc @@ q and a = @p::int", "p")]
    [InlineData("select 'it''s @quoted' || @real", "real")]
    public void ReferencedParameters_FindsOnlyRealReferences(string sql, string expected)
    {
        Assert.Equal(expected.Split(',').Order(), ExportDefinitionLoader.ReferencedParameters(sql).Order());
    }
}

using System.Text;
using Dapper;
using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Tests.Exports;

/// <summary>
/// The bundled exports (models/exports) against the marts' documented shape: a table per mart
/// model with the columns and data types its YAML declares, one matching row in each. A renamed
/// mart column, a mistyped parameter or a column title that no longer matches fails here.
/// </summary>
[Collection(ExportDatabaseFixture.Collection)]
public sealed class ProjectExportsTests(ExportDatabaseFixture database) : IClassFixture<ExportDatabaseFixture>, IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public async Task InitializeAsync()
    {
        var ddl = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Home, "models", "marts"), "*.yml"))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(await File.ReadAllTextAsync(file)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            foreach (var model in ((YamlSequenceNode)root["models"]).Children.Cast<YamlMappingNode>())
            {
                var columns = ((YamlSequenceNode)model["columns"]).Children.Cast<YamlMappingNode>()
                    .Select(c => (Name: ((YamlScalarNode)c["name"]).Value!, Type: ((YamlScalarNode)c["data_type"]).Value!))
                    .ToList();
                var name = ((YamlScalarNode)model["name"]).Value!;
                ddl.AppendLine($"drop table if exists marts.{name};");
                ddl.AppendLine($"create table marts.{name} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))});");
                ddl.AppendLine($"insert into marts.{name} values ({string.Join(", ", columns.Select(c => SampleValue(c.Name, c.Type)))});");
            }
        }
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(ddl.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // One row per table whose keys all join (1), whose text matches the filters below and whose
    // counts pass the minimum-group filters.
    private static string SampleValue(string column, string type) => type switch
    {
        "bigint" or "integer" => column.EndsWith("_key", StringComparison.Ordinal) || column.EndsWith("_rank", StringComparison.Ordinal) ? "1" : "5",
        "numeric" or "double precision" => column.StartsWith("share", StringComparison.Ordinal) ? "0.25" : "52000",
        "boolean" => column is "is_active" or "has_salary" ? "true" : "false",
        "date" => "current_date",
        "timestamptz" => "now()",
        "jsonb" => "'{}'",
        _ => "'Bretagne'",
    };

    [Theory]
    [InlineData("weekly_market_report", "region=bretagne;occupation=bret;since=today-4w")]
    [InlineData("salary_benchmark", "region=Bretagne;experience=Bretagne;min_postings=1")]
    [InlineData("postings_list", "region=BRETAGNE;occupation=Bretagne;min_salary=45000.50;active_only=yes;since=2020-01-01")]
    public async Task RunAsync_WritesEverySheetWithItsTitles_ForTheBundledExports(string name, string parameters)
    {
        var runner = new ExportRunner(database.DataSource,
            new ExportOptions { DefinitionsFolder = Path.Combine(RepositoryPaths.Home, "models", "exports"), OutputFolder = _folder.Path },
            new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance), NullLogger<ExportRunner>.Instance);
        var definition = runner.LoadDefinitions().Single(d => d.Name == name);

        var result = await runner.RunAsync(new ExportRequest([name],
            parameters.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1])));

        var outcome = Assert.Single(result.Exports);
        Assert.True(outcome.Successful, outcome.Error);
        var workbook = XlsxWorkbook.Read(outcome.Files[0]);
        Assert.Equal(["About", .. definition.Sheets.Select(s => s.Name)], workbook.SheetNames);
        foreach (var sheet in definition.Sheets)
        {
            var written = workbook[sheet.Name];
            Assert.True(written.Rows.Count >= 2, $"{name}/{sheet.Name} is empty");
            var titles = written.Rows[0].Select(c => c.Text).ToList();
            Assert.All(sheet.Columns.Where(c => c.Title is not null), c => Assert.Contains(c.Title, titles));
            Assert.All(written.Rows.Skip(1).SelectMany(r => r), cell => Assert.False(string.IsNullOrEmpty(cell.Text)));
        }
    }
}

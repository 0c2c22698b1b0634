using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml.Spreadsheet;
using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Exports.Definitions;
using JobMarket.Warehouse.Runner.Exports.Writing;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Pipeline.Steps;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Exports;

[Collection(ExportDatabaseFixture.Collection)]
public sealed class ExportRunnerTests(ExportDatabaseFixture database) : IClassFixture<ExportDatabaseFixture>, IDisposable
{
    private const string PostingsDefinition =
        """
        title: Fixture postings
        description: Every posting of the fixture, filtered by region.
        parameters:
          region:
            type: text
            description: A région name; all when not given.
          since:
            type: date
            default: "2025-01-01"
        sheets:
          - name: Postings
            sql: |
              select posting_id, title, region, salary_eur, remote_share, published_date, fetched_at, is_remote, views
              from fixture.posting
              where (@region is null or region = @region)
                  and published_date >= @since
              order by posting_id
            columns:
              - name: posting_id
                title: Posting
              - name: salary_eur
                title: Salary (EUR)
                format: eur
              - name: remote_share
                title: Remote share
                format: percent
              - name: views
                format: thousands
                width: 11
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Definitions => Path.Combine(_folder.Path, "models", "exports");
    private string Output => Path.Combine(_folder.Path, "out");

    private ExportRunner Runner(int maxRowsPerSheet = XlsxWorkbookWriter.ExcelMaxRows) => new(
        database.DataSource,
        new ExportOptions { DefinitionsFolder = Definitions, OutputFolder = Output, MaxRowsPerSheet = maxRowsPerSheet },
        new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance),
        NullLogger<ExportRunner>.Instance);

    private void Define(string name, string yaml) => _folder.Write(Path.Combine("models", "exports", name + ".yml"), yaml);

    private async Task<ExportOutcome> ExportAsync(string name, Dictionary<string, string>? parameters = null,
        ExportFormat format = ExportFormat.Xlsx, int maxRowsPerSheet = XlsxWorkbookWriter.ExcelMaxRows)
    {
        var result = await Runner(maxRowsPerSheet).RunAsync(new ExportRequest([name], parameters, format));
        var outcome = Assert.Single(result.Exports);
        Assert.True(outcome.Successful, outcome.Error);
        return outcome;
    }

    private static double Serial(string isoDate) =>
        DateTime.Parse(isoDate, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).ToOADate();

    [Fact]
    public async Task RunAsync_WritesTypedFormattedCells_WhenExportingXlsx()
    {
        Define("postings", PostingsDefinition);

        var outcome = await ExportAsync("postings");

        Assert.Equal(5, outcome.Rows);
        var workbook = XlsxWorkbook.Read(Assert.Single(outcome.Files));
        Assert.Equal(["About", "Postings"], workbook.SheetNames);
        var sheet = workbook["Postings"];
        Assert.Equal(["Posting", "Title", "Region", "Salary (EUR)", "Remote share", "Published date", "Fetched at", "Is remote", "Views"],
            sheet.Rows[0].Select(c => c.Text));
        Assert.All(sheet.Rows[0], c => Assert.Equal((CellValues.InlineString, XlsxStyles.Header), (c.Type, c.Style)));
        Assert.Equal(1, sheet.FrozenRows);
        Assert.Equal("A1:I6", sheet.AutoFilter);
        Assert.Equal(11, sheet.Widths[8]);
        Assert.All(sheet.Widths, w => Assert.InRange(w, 8, 60));

        Assert.Equal((CellValues.Number, "1", "0"), (sheet.Cell("A2").Type, sheet.Cell("A2").Text, sheet.Cell("A2").NumberFormat));
        Assert.Equal((CellValues.InlineString, "Data engineer"), (sheet.Cell("B2").Type, sheet.Cell("B2").Text));
        Assert.Equal((CellValues.Number, "52000.00", XlsxStyles.EurFormat), (sheet.Cell("D2").Type, sheet.Cell("D2").Text, sheet.Cell("D2").NumberFormat));
        Assert.Equal(("48000.50", "-100.00"), (sheet.Cell("D3").Text, sheet.Cell("D5").Text));
        Assert.Equal(("0.25", XlsxStyles.PercentFormat), (sheet.Cell("E2").Text, sheet.Cell("E2").NumberFormat));
        Assert.Equal(Serial("2026-01-05"), double.Parse(sheet.Cell("F2").Text!, CultureInfo.InvariantCulture));
        Assert.Equal(XlsxStyles.DateFormat, sheet.Cell("F2").NumberFormat);
        Assert.Equal(Serial("2026-01-05T08:30:00"), double.Parse(sheet.Cell("G2").Text!, CultureInfo.InvariantCulture), 6);
        Assert.Equal(XlsxStyles.DateTimeFormat, sheet.Cell("G2").NumberFormat);
        Assert.Equal((CellValues.Boolean, "1"), (sheet.Cell("H2").Type, sheet.Cell("H2").Text));
        Assert.Equal((CellValues.Boolean, "0"), (sheet.Cell("H3").Type, sheet.Cell("H3").Text));
        Assert.Equal(("1234567", "#,##0"), (sheet.Cell("I2").Text, sheet.Cell("I2").NumberFormat));
        // Nulls are empty cells.
        Assert.False(sheet.HasCell("D4"));
        Assert.False(sheet.HasCell("G4"));
        Assert.DoesNotContain(sheet.Rows.SelectMany(r => r), c => c.HasFormula);
    }

    [Fact]
    public async Task RunAsync_WritesCoverSheet_WithParametersFreshnessAndRowCounts()
    {
        Define("postings", PostingsDefinition);

        var outcome = await ExportAsync("postings", new() { ["region"] = "Bretagne" });

        var cover = XlsxWorkbook.Read(outcome.Files[0])["About"];
        Assert.Equal("Fixture postings", cover.Rows[0][0].Text);
        Assert.Equal("Every posting of the fixture, filtered by region.", cover.CoverValue("Description"));
        Assert.Equal("Bretagne", cover.CoverValue("  region"));
        Assert.Equal("2025-01-01", cover.CoverValue("  since"));
        Assert.Equal(Serial("2026-03-16T06:00:00"), double.Parse(cover.CoverValue("  last warehouse run")!, CultureInfo.InvariantCulture), 6);
        Assert.Equal(Serial("2026-03-16T05:00:00"), double.Parse(cover.CoverValue("  raw.adzuna_pages fetched")!, CultureInfo.InvariantCulture), 6);
        Assert.Equal("(never)", cover.CoverValue("  raw.jsearch_pages fetched"));
        Assert.Equal("3 rows", cover.CoverValue("  Postings"));
        var generated = DateTime.FromOADate(double.Parse(cover.CoverValue("Generated at (UTC)")!, CultureInfo.InvariantCulture));
        Assert.InRange(generated, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task RunAsync_BindsParametersAsData_WhenAValueLooksLikeSql()
    {
        Define("postings", PostingsDefinition);

        var bretagne = await ExportAsync("postings", new() { ["region"] = "Bretagne", ["since"] = "2026-02-01" });
        var ids = XlsxWorkbook.Read(bretagne.Files[0])["Postings"].Rows.Skip(1).Select(r => r[0].Text).ToList();
        var injected = await ExportAsync("postings", new() { ["region"] = "Bretagne' or '1'='1" });

        Assert.Equal(2, bretagne.Rows);
        Assert.Equal(["2", "5"], ids);
        Assert.Equal(0, injected.Rows);
    }

    [Fact]
    public async Task RunAsync_WritesFormulaLikeTextAsText_InXlsxAndCsv()
    {
        Define("postings", PostingsDefinition);

        var xlsx = await ExportAsync("postings");
        var csv = await ExportAsync("postings", format: ExportFormat.Csv);

        var sheet = XlsxWorkbook.Read(xlsx.Files[0])["Postings"];
        foreach (var (reference, text) in new[] { ("B3", "=HYPERLINK(\"http://evil.example\",\"x\")"), ("B5", "-2+3"), ("B6", "@SUM(A1:A2)") })
        {
            var cell = sheet.Cell(reference);
            Assert.Equal((CellValues.InlineString, text, true, false), (cell.Type, cell.Text, cell.QuotePrefix, cell.HasFormula));
        }
        Assert.False(sheet.Cell("B2").QuotePrefix);
        var lines = File.ReadAllLines(csv.Files.Single(f => f.EndsWith("postings.postings.csv", StringComparison.Ordinal)));
        Assert.Equal("2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Bretagne,48000.50,0,2026-02-10,2026-02-10T12:00:00Z,false,12", lines[2]);
        Assert.Equal("4,'-2+3,Occitanie,-100.00,0.5,2025-12-31,2025-12-31T23:59:59Z,false,0", lines[4]);
        Assert.StartsWith("5,'@SUM(A1:A2),", lines[5]);
    }

    [Fact]
    public async Task RunAsync_KeepsUnicodeAndCutsTextAtTheCellLimit_WhenTextIsVeryLong()
    {
        Define("texts", """
            title: Texts
            sheets:
              - name: Texts
                sql: select 'Développeur·se Python 🚀 日本語 ''quoted'' "dq"' as unicode, repeat('ab', 20000) || '🚀' as long_text, 'bell' || chr(7) || 'end' as control, '_x0041_ and cr' || chr(13) || '<&>' as escapes
            """);

        var xlsx = await ExportAsync("texts");
        var csv = await ExportAsync("texts", format: ExportFormat.Csv);

        var sheet = XlsxWorkbook.Read(xlsx.Files[0])["Texts"];
        Assert.Equal("Développeur·se Python 🚀 日本語 'quoted' \"dq\"", sheet.Cell("A2").Text);
        var cut = sheet.Cell("B2").Text!;
        Assert.Equal(CellText.MaxXlsxLength, cut.Length);
        Assert.EndsWith("ab" + CellText.TruncationMark, cut, StringComparison.Ordinal);
        // Characters XML cannot carry, CR and text that looks like an escape all come back as written.
        Assert.Equal("bell\u0007end", sheet.Cell("C2").Text);
        Assert.Equal("_x0041_ and cr\r<&>", sheet.Cell("D2").Text);
        var row = File.ReadAllLines(csv.Files.Single(f => f.EndsWith("texts.texts.csv", StringComparison.Ordinal)))[1];
        Assert.Contains("Développeur·se Python 🚀 日本語 'quoted' \"\"dq\"\"", row);
        Assert.Contains(string.Concat(Enumerable.Repeat("ab", 20000)) + "🚀", row);
    }

    [Fact]
    public async Task RunAsync_WritesHeaderOnly_WhenTheResultIsEmpty()
    {
        Define("empty", """
            title: Empty
            sheets:
              - name: Nothing
                sql: select 1::int as id, 'x'::text as label, now() as at where false
            """);

        var xlsx = await ExportAsync("empty");
        var csv = await ExportAsync("empty", format: ExportFormat.Csv);

        Assert.Equal(0, xlsx.Rows);
        var workbook = XlsxWorkbook.Read(xlsx.Files[0]);
        var sheet = workbook["Nothing"];
        Assert.Equal(["Id", "Label", "At"], Assert.Single(sheet.Rows).Select(c => c.Text));
        Assert.Equal("A1:C1", sheet.AutoFilter);
        Assert.Equal("0 rows", workbook["About"].CoverValue("  Nothing"));
        Assert.Equal(["Id,Label,At"], File.ReadAllLines(csv.Files.Single(f => f.EndsWith("empty.nothing.csv", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task RunAsync_ContinuesOnNewSheets_WhenRowsExceedTheSheetLimit()
    {
        Define("many", """
            title: Many rows
            sheets:
              - name: Numbers
                sql: select n, n * 10 as tens from generate_series(1, 10) as n order by n
              - name: After
                sql: select 'done' as status
            """);

        var outcome = await ExportAsync("many", maxRowsPerSheet: 4);

        Assert.Equal(11, outcome.Rows);
        var workbook = XlsxWorkbook.Read(outcome.Files[0]);
        Assert.Equal(["About", "Numbers", "Numbers (2)", "Numbers (3)", "Numbers (4)", "After"], workbook.SheetNames);
        var parts = workbook.Sheets.Skip(1).Take(4).ToList();
        Assert.All(parts, p => Assert.Equal(["N", "Tens"], p.Rows[0].Select(c => c.Text)));
        Assert.Equal([3, 3, 3, 1], parts.Select(p => p.Rows.Count - 1));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            parts.SelectMany(p => p.Rows.Skip(1).Select(r => r[0].Text)));
        Assert.Equal("A1:B2", parts[3].AutoFilter);
        Assert.Equal("done", workbook["After"].Cell("A2").Text);
    }

    [Fact]
    public async Task RunAsync_MakesSheetNamesValid_WhenDefinitionNamesAreNot()
    {
        Define("names", """
            title: Names
            sheets:
              - name: "Q1/Q2: [draft]*? and a name far longer than thirty-one characters"
                sql: select 1 as a
              - name: "Q1/Q2: [draft]*? and a name far longer than thirty-one characters, again"
                sql: select 2 as a
              - name: About
                sql: select 3 as a
            """);

        var outcome = await ExportAsync("names");

        var names = XlsxWorkbook.Read(outcome.Files[0]).SheetNames;
        Assert.Equal(["About", "Q1_Q2_ _draft___ and a name far", "Q1_Q2_ _draft___ and a name (2)", "About (2)"], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }

    [Fact]
    public async Task RunAsync_FailsClearlyAndWritesNothing_WhenAParameterDoesNotExist()
    {
        Define("postings", PostingsDefinition);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var runsBefore = await connection.ExecuteScalarAsync<long>("select count(*) from audit.run");

        var error = await Assert.ThrowsAsync<ExportRequestException>(() =>
            Runner().RunAsync(new ExportRequest(["postings"], new Dictionary<string, string> { ["regoin"] = "Bretagne" })));

        Assert.Equal("unknown parameter 'regoin' for postings; known parameters: region, since", error.Message);
        Assert.Equal(runsBefore, await connection.ExecuteScalarAsync<long>("select count(*) from audit.run"));
        Assert.False(Directory.Exists(Output));
    }

    [Theory]
    [InlineData("nope", "since", "2026-01-01", "no export named 'nope'; known exports: postings")]
    [InlineData("postings", "since", "last tuesday", "export 'postings': parameter 'since' expects a date (yyyy-MM-dd, today, today-7d, today-4w, today-3m), got 'last tuesday'")]
    public async Task RunAsync_FailsClearly_WhenTheRequestIsWrong(string name, string key, string value, string expected)
    {
        Define("postings", PostingsDefinition);

        var error = await Assert.ThrowsAsync<ExportRequestException>(() =>
            Runner().RunAsync(new ExportRequest([name], new Dictionary<string, string> { [key] = value })));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task RunAsync_FailsNamingTheFile_WhenARequiredParameterIsMissing()
    {
        Define("required", """
            title: Required
            parameters:
              occupation:
                type: text
                required: true
            sheets:
              - name: One
                sql: select @occupation as occupation
            """);

        var error = await Assert.ThrowsAsync<ExportRequestException>(() => Runner().RunAsync(new ExportRequest(["required"])));

        Assert.Equal("export 'required' requires --param occupation=<text> (models/exports/required.yml:3)", error.Message);
    }

    [Fact]
    public async Task RunAsync_RecordsTheRunInAudit_AndLeavesNoPartialFile_WhenASheetFails()
    {
        Define("good", """
            title: Good
            sheets:
              - name: One
                sql: select n from generate_series(1, 3) as n
            """);
        Define("bad", """
            title: Bad
            sheets:
              - name: First
                sql: select 1 as fine
              - name: Second
                sql: select 1 / (n - 2) as boom from generate_series(1, 3) as n
            """);

        var result = await Runner().RunAsync(new ExportRequest(["good", "bad"]));

        Assert.False(result.Successful);
        Assert.True(result.Exports[0].Successful);
        Assert.Contains("division by zero", result.Exports[1].Error);
        Assert.Contains("models/exports/bad.yml", result.Exports[1].Error);
        Assert.Equal(["good.xlsx"], Directory.EnumerateFiles(Output).Select(Path.GetFileName));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var run = await connection.QuerySingleAsync<(string Command, string Status, string Error)>(
            "select command, status, error from audit.run where run_id = @id", new { id = result.RunId });
        Assert.Equal(("export", RunStatus.Failed), (run.Command, run.Status));
        var steps = (await connection.QueryAsync<(string Step, string Status, long? Rows)>(
            "select step, status, rows_affected from audit.run_step where run_id = @id order by ordinal", new { id = result.RunId })).ToList();
        Assert.Equal([("export good", RunStatus.Success, 3L), ("export bad", RunStatus.Failed, null)], steps);
    }

    [Fact]
    public async Task RunAsync_FailsNamingFileAndLine_WhenADeclaredColumnIsNotInTheResult()
    {
        Define("columns", """
            title: Columns
            sheets:
              - name: One
                sql: select 1 as present
                columns:
                  - name: present
                  - name: absent
                    format: eur
            """);

        var result = await Runner().RunAsync(new ExportRequest(["columns"]));

        Assert.Equal("models/exports/columns.yml:7: sheets[One].columns[absent]: is not a column of the sheet's result (it returns: present)",
            Assert.Single(result.Exports).Error);
    }

    [Fact]
    public async Task RunAsync_ReadsEveryModelColumn_WhenASheetReferencesAModel()
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table if not exists marts.fixture_mart as select * from fixture.posting");
        }
        Define("model", """
            title: Model
            parameters:
              region:
                type: text
                default: Bretagne
            sheets:
              - name: Mart
                model: fixture_mart
                where: region = @region
                order_by: posting_id desc
                columns:
                  - name: posting_id
                  - name: salary_eur
                    format: eur_cents
            """);

        var outcome = await ExportAsync("model");

        var sheet = XlsxWorkbook.Read(outcome.Files[0])["Mart"];
        Assert.Equal([["Posting id", "Salary eur"], ["5", "61000.00"], ["2", "48000.50"], ["1", "52000.00"]],
            sheet.Rows.Select(r => r.Select(c => c.Text).ToArray()));
        Assert.Equal(XlsxStyles.EurCentsFormat, sheet.Cell("B3").NumberFormat);
    }

    [Fact]
    public async Task ExportStep_WritesTheNamedExportsWithParameters_WithoutARunOfItsOwn()
    {
        Define("postings", PostingsDefinition);
        Define("empty", "title: Empty\nsheets:\n  - name: Nothing\n    sql: select 1 as x where false\n");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // The step skips a warehouse that has no marts yet.
        await connection.ExecuteAsync("create table if not exists marts.fixture_mart as select * from fixture.posting");
        var runsBefore = await connection.ExecuteScalarAsync<long>("select count(*) from audit.run");

        var result = await new ExportStep(Runner(), ExportStep.Which.Scheduled).RunAsync(new PipelineContext(42, new PipelineRequest("export", Arguments: ["postings", "region=Occitanie"])));

        Assert.Equal(1, result.Rows);
        Assert.Equal(["postings.xlsx"], Directory.EnumerateFiles(Output).Select(Path.GetFileName));
        Assert.Equal(runsBefore, await connection.ExecuteScalarAsync<long>("select count(*) from audit.run"));
    }

    [Fact]
    public void ListScheduled_ReturnsOnlyExportsWithASchedule()
    {
        Define("postings", PostingsDefinition);
        Define("weekly", "title: Weekly\nschedule:\n  cron: 30 6 * * 1\n  time_zone: Europe/Paris\nsheets:\n  - name: One\n    sql: select 1 as x\n");

        Assert.Equal([new ScheduledExport("weekly", "Weekly", "30 6 * * 1", "Europe/Paris")], Runner().ListScheduled());
    }
}

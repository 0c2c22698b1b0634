using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Exports;

/// <summary>The workbook as a second, independent reader (LibreOffice Calc) sees it.</summary>
[Collection(ExportDatabaseFixture.Collection)]
public sealed class LibreOfficeReadBackTests(ExportDatabaseFixture database) : IClassFixture<ExportDatabaseFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ConvertToCsv_ShowsTheSameValuesAndFormats_AsTheDatabaseHolds()
    {
        _folder.Write("models/exports/read_back.yml", """
            title: Read back
            description: "=cover text is not a formula either"
            sheets:
              - name: "Postings: all"
                sql: |
                  select posting_id, title, region, salary_eur, remote_share, published_date, fetched_at, is_remote, views
                  from fixture.posting
                  order by posting_id
                columns:
                  - name: salary_eur
                    format: eur
                  - name: remote_share
                    format: percent
                  - name: views
                    format: thousands
              - name: Rolled
                sql: select n from generate_series(1, 5) as n
              - name: Escapes
                sql: select '_x0041_ stays & <text>' as literal, '_x005F_ too' as underscore
            """);
        var runner = new ExportRunner(database.DataSource,
            new ExportOptions { DefinitionsFolder = Path.Combine(_folder.Path, "models", "exports"), OutputFolder = Path.Combine(_folder.Path, "out"), MaxRowsPerSheet = 3 },
            new RunRecorder(database.DataSource, NullLogger<RunRecorder>.Instance), NullLogger<ExportRunner>.Instance);
        var result = await runner.RunAsync(new ExportRequest(["read_back"]));
        Assert.True(result.Successful, result.Exports[0].Error);

        var sheets = await LibreOffice.ConvertToCsvAsync(result.Exports[0].Files[0], Path.Combine(_folder.Path, "lo"));

        Assert.Equal(["About", "Escapes", "Postings_ all", "Postings_ all (2)", "Postings_ all (3)", "Rolled", "Rolled (2)", "Rolled (3)"], sheets.Keys.Order());
        string[][] expected =
        [
            ["Posting id", "Title", "Region", "Salary eur", "Remote share", "Published date", "Fetched at", "Is remote", "Views"],
            ["1", "Data engineer", "Bretagne", "52,000 €", "25.0%", "2026-01-05", "2026-01-05 08:30:00", "TRUE", "1,234,567"],
            ["2", "=HYPERLINK(\"http://evil.example\",\"x\")", "Bretagne", "48,001 €", "0.0%", "2026-02-10", "2026-02-10 12:00:00", "FALSE", "12"],
            ["3", "Développeur·se Python 🚀 日本語", "Île-de-France", "", "100.0%", "2026-03-01", "", "", ""],
            ["4", "-2+3", "Occitanie", "-100 €", "50.0%", "2025-12-31", "2025-12-31 23:59:59", "FALSE", "0"],
            ["5", "@SUM(A1:A2)", "Bretagne", "61,000 €", "12.5%", "2026-03-15", "2026-03-15 09:00:00", "TRUE", "5"],
        ];
        var postings = sheets["Postings_ all"].Concat(sheets["Postings_ all (2)"].Skip(1)).Concat(sheets["Postings_ all (3)"].Skip(1)).ToList();
        Assert.Equal(expected, postings);
        Assert.Equal(["N", "1", "2", "3", "4", "5"],
            sheets["Rolled"].Concat(sheets["Rolled (2)"].Skip(1)).Concat(sheets["Rolled (3)"].Skip(1)).Select(r => r[0]));
        // Text that looks like Excel's _xHHHH_ escape is itself escaped, so a real reader shows it as written.
        Assert.Equal(["_x0041_ stays & <text>", "_x005F_ too"], sheets["Escapes"][1]);
        var cover = sheets["About"];
        Assert.Equal("Read back", cover[0][0]);
        Assert.Contains(cover, r => r is ["Description", "=cover text is not a formula either"]);
    }
}

using System.Text;
using Dapper;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Extract.Landing;

public sealed class RawPageWriterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var result = await new Migrator(database.DataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.True(result.Successful, result.Error?.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static RawPage Page(string body, JobSource source = JobSource.Adzuna) =>
        new(source, "/v1/api/jobs/fr/search/1", "what=data", """{"what":"data"}""", 200, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task WriteAsync_LandsOnceRejectsBadAndSavesWatermark_WhenPagesRepeatOrAreInvalid()
    {
        var writer = new RawPageWriter(database.DataSource);
        var good = Page("""{"results":[{"id":"1","title":"Data engineer"}],"count":1}""");

        var first = await writer.WriteAsync(1, [good, good, Page("<html>oops</html>"), Page("""{"results":["a\u0000b"]}""")],
            new WatermarkUpdate(JobSource.Adzuna, "what=data", """{"page":1}""", DateTimeOffset.Parse("2026-11-20T00:00:00Z")));
        var second = await writer.WriteAsync(2, [good]);

        Assert.Equal(new LandingResult(1, 1, 2), first);
        Assert.Equal(new LandingResult(0, 1, 0), second);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal("Data engineer", await connection.ExecuteScalarAsync<string>("select body #>> '{results,0,title}' from raw.adzuna_pages"));
        var reasons = (await connection.QueryAsync<string>("select reason from raw.rejected_pages order by rejected_page_id")).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Contains("not valid JSON", reasons[0]);
        Assert.Contains("\\u0000", reasons[1]);
        Assert.Equal("""{"page": 1}""", await connection.ExecuteScalarAsync<string>("select state::text from raw.extract_watermark where source = 'adzuna'"));
    }
}

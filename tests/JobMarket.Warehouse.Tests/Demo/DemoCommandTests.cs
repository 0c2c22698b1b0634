using Dapper;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Demo;

/// <summary><c>jobmarket demo</c> end to end, twice, on a fresh test database (JOBMARKET_DATABASE_URL).</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_BuildsAndTours_AndIsIdempotent_WhenRunTwiceOnAFreshDatabase()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync("demo");

        using var first = await CliProcess.RunAsync(connectionString, "demo");
        using var second = await CliProcess.RunAsync(connectionString, "demo");

        foreach (var run in new[] { first, second })
        {
            Assert.True(run.ExitCode == 0, $"stdout:\n{run.Output}\nstderr:\n{run.Error}");
            Assert.Contains("Tour", run.Output, StringComparison.Ordinal);
            Assert.Contains("- Top skills:", run.Output, StringComparison.Ordinal);
            Assert.Contains("- Salary benchmarks by région", run.Output, StringComparison.Ordinal);
            Assert.Contains("- A posting and its similar postings:", run.Output, StringComparison.Ordinal);
            Assert.Contains("- Excel workbook:", run.Output, StringComparison.Ordinal);
            Assert.Contains("- Docs site:", run.Output, StringComparison.Ordinal);
            Assert.Contains($"- Connect (psql or Metabase): postgresql://", run.Output, StringComparison.Ordinal);
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var runs = (await connection.QueryAsync<(long RunId, string Status)>(
            "select run_id, status from audit.run where command = 'demo' and trigger = 'demo' order by run_id")).ToList();
        Assert.Equal([RunStatus.Success, RunStatus.Success], runs.Select(r => r.Status).ToList());
        var steps = (await connection.QueryAsync<(long RunId, string Step, string Status, long? Rows, string? Error)>(
            "select run_id, step, status, rows_affected, error from audit.run_step order by run_id, ordinal")).ToList();
        // Every step either ran or says plainly that it is not available yet; none failed.
        Assert.All(steps, s => Assert.True(s.Status == RunStatus.Success || (s.Status == RunStatus.Skipped && s.Error!.StartsWith("not available yet", StringComparison.Ordinal)), $"{s.Step}: {s.Status} {s.Error}"));
        Assert.Equal(steps.Where(s => s.RunId == runs[0].RunId).Select(s => s.Step), steps.Where(s => s.RunId == runs[1].RunId).Select(s => s.Step));
        // The second run applies no migration: everything was already there.
        Assert.Equal(0L, steps.Single(s => s.RunId == runs[1].RunId && s.Step == "migrate").Rows);
        Assert.True(steps.Single(s => s.RunId == runs[0].RunId && s.Step == "migrate").Rows > 0);
    }
}

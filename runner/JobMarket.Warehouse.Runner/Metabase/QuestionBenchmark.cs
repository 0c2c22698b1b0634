using System.Diagnostics;
using Dapper;
using JobMarket.Warehouse.Runner.Metabase.Content;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Times every question the way Metabase runs it (as the read-only role, variables at their
/// defaults, optional clauses dropped): a few warm-up runs, then <c>runs</c> timed ones per question.
/// </summary>
internal sealed class QuestionBenchmark(NpgsqlDataSource dataSource)
{
    public sealed record Timing(string Question, int Rows, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds);

    public async Task<IReadOnlyList<Timing>> RunAsync(IEnumerable<Question> questions, int runs, int warmup, CancellationToken ct = default)
    {
        var timings = new List<Timing>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"set role {ReaderPassword.Role}", cancellationToken: ct));
        foreach (var question in questions)
        {
            var (sql, parameters) = NativeQuery.Render(question.Sql, question.TemplateTags);
            var samples = new List<double>();
            var rows = 0;
            for (var i = 0; i < warmup + runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                rows = (await connection.QueryAsync(new CommandDefinition(sql, new DynamicParameters(parameters), cancellationToken: ct))).Count();
                stopwatch.Stop();
                if (i >= warmup)
                {
                    samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
            samples.Sort();
            timings.Add(new Timing(question.Slug, rows, Percentile(samples, 0.50), Percentile(samples, 0.95), samples[^1]));
        }
        return timings;
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

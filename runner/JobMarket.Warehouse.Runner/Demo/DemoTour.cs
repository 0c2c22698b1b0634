using System.Globalization;
using Dapper;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Runs;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Demo;

/// <summary>
/// The short tour printed after the demo's pipeline: what the warehouse now answers, and where to
/// look next (workbook, docs site, connection URL). Edit <see cref="Queries"/> to follow the marts.
/// </summary>
internal static class DemoTour
{
    // The relations the sections read; PostgreSQL's "undefined table/column" means the model that
    // provides them has not landed (or not been built) yet.
    private static readonly HashSet<string> s_notBuiltStates = [PostgresErrorCodes.UndefinedTable, PostgresErrorCodes.UndefinedColumn, PostgresErrorCodes.InvalidSchemaName];

    public static IReadOnlyList<TourQuery> Queries { get; } =
    [
        new("Top skills",
            """
            select skill_name, sum(count_postings_with_skill) as count_postings
            from marts.mart_skill_demand_monthly
            group by skill_name
            order by count_postings desc, skill_name
            limit 10
            """,
            row => $"{row["skill_name"]}: {N(row["count_postings"])} postings"),
        new("Salary benchmarks by région (annual EUR)",
            """
            select
                region_name,
                round(sum(salary_median_eur * count_postings) / nullif(sum(count_postings), 0)) as salary_median_eur,
                sum(count_postings) as count_postings
            from marts.mart_salary_benchmark
            group by region_name
            order by count_postings desc, region_name
            limit 10
            """,
            row => $"{row["region_name"]}: median {N(row["salary_median_eur"])} € (postings-weighted over occupations and levels; {N(row["count_postings"])} postings)"),
        new("A posting and its similar postings",
            """
            with picked as (
                select posting_id from reco.reco_similar_posting order by posting_id limit 1
            )
            select 0 as similarity_rank, null::real as score, posting.title
            from picked
            join core.posting on posting.posting_id = picked.posting_id
            union all
            select neighbour.similarity_rank, neighbour.score, posting.title
            from picked
            join reco.reco_similar_posting as neighbour on neighbour.posting_id = picked.posting_id
            join core.posting on posting.posting_id = neighbour.similar_posting_id
            where neighbour.similarity_rank <= 5
            order by 1
            """,
            row => Convert.ToInt64(row["similarity_rank"], CultureInfo.InvariantCulture) == 0 ? $"{row["title"]}" : $"  #{row["similarity_rank"]} {row["title"]} (score {N(row["score"])})"),
    ];

    public static async Task PrintAsync(TextWriter output, NpgsqlDataSource dataSource, string connectionString, PipelineOutcome outcome, string home, CancellationToken ct = default)
    {
        output.WriteLine();
        output.WriteLine("Tour");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var query in Queries)
        {
            output.WriteLine($"- {query.Title}:");
            foreach (var line in await RunAsync(connection, query, ct))
            {
                output.WriteLine($"    {line}");
            }
        }
        output.WriteLine($"- Excel workbook: {Artifact(outcome, "export", Path.Combine(home, "target", "exports"), "*.xlsx", home)}");
        output.WriteLine($"- Docs site: {Artifact(outcome, "docs", Path.Combine(home, "target", "docs"), "index.html", home)}");
        output.WriteLine($"- Connect (psql or Metabase): {DatabaseUrl.ToUrl(connectionString)}");
        output.WriteLine("    psql: ./jobmarket db psql    history: ./jobmarket runs");
    }

    private static async Task<IReadOnlyList<string>> RunAsync(NpgsqlConnection connection, TourQuery query, CancellationToken ct)
    {
        try
        {
            var rows = (await connection.QueryAsync(new CommandDefinition(query.Sql, cancellationToken: ct)))
                .Cast<IDictionary<string, object?>>().ToList();
            return rows.Count == 0 ? ["(no rows yet)"] : rows.Select(query.Line).ToList();
        }
        catch (PostgresException ex) when (s_notBuiltStates.Contains(ex.SqlState))
        {
            return [$"not available yet ({ex.MessageText})"];
        }
    }

    /// <summary>The newest file the step wrote, or why there is none.</summary>
    private static string Artifact(PipelineOutcome outcome, string step, string folder, string pattern, string home)
    {
        var report = outcome.Steps.LastOrDefault(s => s.Step == step);
        if (report is null || report.Status != RunStatus.Success)
        {
            return report?.Message is { } reason ? reason : "not available yet";
        }
        var newest = Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles(pattern, SearchOption.AllDirectories).MaxBy(f => f.LastWriteTimeUtc)
            : null;
        return newest is null ? $"not found under {Path.GetRelativePath(home, folder)}" : Path.GetRelativePath(home, newest.FullName);
    }

    private static string N(object? value) => value switch
    {
        null => "—",
        decimal d => d.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        float f => f.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using Dapper;
using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>
/// Checks <c>max(loaded_at_field)</c> of every source with a freshness rule against its
/// <c>warn_after</c>/<c>error_after</c>, and records each in <c>audit.source_freshness</c>.
/// </summary>
internal static class SourceFreshness
{
    public static async Task<List<FreshnessResult>> CheckAsync(NpgsqlDataSource dataSource, ModelProject project, long runId, IReadOnlyList<string> sources, CancellationToken ct = default)
    {
        var results = new List<FreshnessResult>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var source in project.Sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (source.Freshness is null || (sources.Count > 0 && !sources.Contains(source.Source) && !sources.Contains(source.Key)))
            {
                continue;
            }
            FreshnessResult result;
            if (source.LoadedAtField is null)
            {
                result = new FreshnessResult(source.Key, source.Relation.ToString(), null, null, "runtime error", $"{source.File}:{source.Line}: freshness needs loaded_at_field");
            }
            else
            {
                try
                {
                    var (max, now) = await connection.QuerySingleAsync<(DateTime?, DateTime)>(new CommandDefinition(
                        $"select max({source.LoadedAtField})::timestamptz, now() from {source.Relation}", cancellationToken: ct));
                    TimeSpan? age = max is null ? null : now - max.Value;
                    var status = age is null || age > source.Freshness.ErrorAfter ? "error" : age > source.Freshness.WarnAfter ? "warn" : "pass";
                    result = new FreshnessResult(source.Key, source.Relation.ToString(), max is null ? null : new DateTimeOffset(max.Value, TimeSpan.Zero), age, status,
                        age is null ? "no rows" : $"last loaded {age.Value.TotalHours:0.0} h ago");
                }
                catch (PostgresException ex)
                {
                    result = new FreshnessResult(source.Key, source.Relation.ToString(), null, null, "runtime error", $"{ex.SqlState}: {ex.MessageText}");
                }
            }
            results.Add(result);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into audit.source_freshness (run_id, source, relation, max_loaded_at, age, status)
                values (@runId, @Source, @Relation, @MaxLoadedAt, @Age, @Status)
                """, new { runId, result.Source, result.Relation, result.MaxLoadedAt, result.Age, result.Status }, cancellationToken: ct));
        }
        return results;
    }
}

using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// How fresh the data behind a workbook is: the last successful warehouse run in <c>audit.run</c>
/// and the latest page fetched per raw table (only those the connection may read).
/// </summary>
internal static class DataFreshness
{
    public static async Task<IReadOnlyList<KeyValuePair<string, DateTimeOffset?>>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        var freshness = new List<KeyValuePair<string, DateTimeOffset?>>();
        var hasAudit = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select to_regclass('audit.run') is not null and has_table_privilege('audit.run', 'select')", transaction: transaction, cancellationToken: ct));
        if (hasAudit)
        {
            var lastRun = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "select max(finished_at) from audit.run where status = 'success' and command <> 'export'",
                transaction: transaction, cancellationToken: ct));
            freshness.Add(new("last warehouse run", ToOffset(lastRun)));
        }
        var tables = await connection.QueryAsync<string>(new CommandDefinition(
            """
            select c.table_name
            from information_schema.columns as c
            where c.table_schema = 'raw'
                and c.column_name = 'fetched_at'
                and c.table_name <> 'rejected_pages'
                and has_table_privilege(format('%I.%I', c.table_schema, c.table_name), 'select')
            order by c.table_name
            """,
            transaction: transaction, cancellationToken: ct));
        foreach (var table in tables)
        {
            // The name comes from the catalog and is quoted, never from input.
            var fetched = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                $"select max(fetched_at) from raw.\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
                transaction: transaction, cancellationToken: ct));
            freshness.Add(new($"raw.{table} fetched", ToOffset(fetched)));
        }
        return freshness;
    }

    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

using Dapper;
using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>Catalog look-ups the materializations need.</summary>
internal static class RelationCatalog
{
    public static async Task<ExistingRelation?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Relation relation, CancellationToken ct = default)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Oid, char Kind, bool Populated)?>(new CommandDefinition(
            """
            select c.oid::bigint, c.relkind, c.relispopulated
            from pg_catalog.pg_class as c
            join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
            where n.nspname = @schema and c.relname = @name and c.relkind in ('r', 'v', 'm', 'p')
            """, new { schema = relation.Schema, name = relation.Name }, tx, cancellationToken: ct));
        return row is { } r ? new ExistingRelation(r.Oid, r.Kind == 'p' ? 'r' : r.Kind, r.Populated) : null;
    }

    /// <summary>Column names and types (<c>format_type</c>) in order.</summary>
    public static async Task<List<(string Name, string Type)>> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string regclass, CancellationToken ct = default) =>
        [.. await connection.QueryAsync<(string, string)>(new CommandDefinition(
            """
            select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
            from pg_catalog.pg_attribute as a
            where a.attrelid = @regclass::regclass and a.attnum > 0 and not a.attisdropped
            order by a.attnum
            """, new { regclass }, tx, cancellationToken: ct))];

    /// <summary>True when a unique, non-partial, plain-column index exists (what REFRESH .. CONCURRENTLY needs).</summary>
    public static Task<bool> HasUniqueIndexAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long oid, CancellationToken ct = default) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select from pg_catalog.pg_index where indrelid = @oid::oid and indisunique and indpred is null and indexprs is null)",
            new { oid }, tx, cancellationToken: ct));
}

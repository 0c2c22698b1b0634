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

    /// <summary>
    /// The columns (name and type) of every relation a view reads, from its rewrite rule's
    /// dependencies: a view's stored column list comes from them (<c>select *</c>), so an upstream
    /// column change must count as a change of the view.
    /// </summary>
    public static Task<string> UpstreamColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string regclass, CancellationToken ct = default) =>
        connection.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            select coalesce(string_agg(format('%s.%s %s', upstream.refobjid::regclass, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', '
                order by upstream.refobjid::regclass::text, a.attnum), '')
            from (
                select distinct d.refobjid
                from pg_catalog.pg_rewrite as r
                join pg_catalog.pg_depend as d
                    on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_catalog.pg_class'::regclass
                where r.ev_class = @regclass::regclass and d.refobjid <> r.ev_class
            ) as upstream
            join pg_catalog.pg_attribute as a on a.attrelid = upstream.refobjid and a.attnum > 0 and not a.attisdropped
            """, new { regclass }, tx, cancellationToken: ct))!;

    /// <summary>True when a unique, non-partial, plain-column index exists (what REFRESH .. CONCURRENTLY needs).</summary>
    public static Task<bool> HasUniqueIndexAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long oid, CancellationToken ct = default) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select from pg_catalog.pg_index where indrelid = @oid::oid and indisunique and indpred is null and indexprs is null)",
            new { oid }, tx, cancellationToken: ct));

    /// <summary>Names of the indexes on a relation.</summary>
    public static async Task<HashSet<string>> IndexNamesAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Relation relation, CancellationToken ct = default) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition(
            "select indexname from pg_catalog.pg_indexes where schemaname = @Schema and tablename = @Name",
            new { relation.Schema, relation.Name }, tx, cancellationToken: ct))];
}

using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// The views (and materialized views) that depend on a relation, found through <c>pg_depend</c> and
/// <c>pg_rewrite</c>, with their definitions, comments, grants and indexes. Replacing a relation drops
/// them (deepest first, never with CASCADE) and recreates them (shallowest first) in the same
/// transaction, so no dependent view goes missing — the failure dbt users hit with DROP .. CASCADE.
/// </summary>
internal sealed class DependentViews
{
    private DependentViews(IReadOnlyList<DependentView> views) => Views = views;

    public IReadOnlyList<DependentView> Views { get; }

    public static async Task<DependentViews> CaptureAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long oid, CancellationToken ct = default)
    {
        // An empty search_path makes pg_get_viewdef and pg_get_indexdef qualify every name.
        var searchPath = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select current_setting('search_path')", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("select set_config('search_path', '', true)", transaction: tx, cancellationToken: ct));
        var rows = await connection.QueryAsync<(string Schema, string Name, char Kind, int Depth, string Definition, string? Comment, string[] Grants, string[] Indexes)>(new CommandDefinition(
            """
            with recursive dependents (oid, depth) as (
                select r.ev_class, 1
                from pg_catalog.pg_depend as d
                join pg_catalog.pg_rewrite as r on r.oid = d.objid
                where d.classid = 'pg_catalog.pg_rewrite'::regclass
                    and d.refclassid = 'pg_catalog.pg_class'::regclass
                    and d.refobjid = @oid::oid
                    and r.ev_class <> @oid::oid
                union
                select r.ev_class, dependents.depth + 1
                from dependents
                join pg_catalog.pg_depend as d
                    on d.refobjid = dependents.oid
                    and d.classid = 'pg_catalog.pg_rewrite'::regclass
                    and d.refclassid = 'pg_catalog.pg_class'::regclass
                join pg_catalog.pg_rewrite as r on r.oid = d.objid
                where r.ev_class <> dependents.oid
            ),
            deepest as (
                select oid, max(depth) as depth from dependents group by oid
            )
            select
                n.nspname,
                c.relname,
                c.relkind,
                deepest.depth,
                pg_catalog.pg_get_viewdef(c.oid),
                pg_catalog.obj_description(c.oid, 'pg_class'),
                array(
                    select format('grant %s on %s to %s', acl.privilege_type, c.oid::regclass,
                        case when acl.grantee = 0 then 'public' else quote_ident(pg_catalog.pg_get_userbyid(acl.grantee)) end)
                    from pg_catalog.aclexplode(c.relacl) as acl
                    where acl.grantee <> c.relowner
                ),
                array(
                    select pg_catalog.pg_get_indexdef(i.indexrelid)
                    from pg_catalog.pg_index as i
                    where i.indrelid = c.oid
                )
            from deepest
            join pg_catalog.pg_class as c on c.oid = deepest.oid
            join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
            where c.relkind in ('v', 'm')
            order by deepest.depth, n.nspname, c.relname
            """, new { oid }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("select set_config('search_path', @searchPath, true)", new { searchPath }, tx, cancellationToken: ct));
        return new DependentViews([.. rows.Select(r => new DependentView(r.Schema, r.Name, r.Kind, r.Depth, r.Definition, r.Comment, r.Grants, r.Indexes))]);
    }

    public async Task DropAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct = default)
    {
        foreach (var view in Views.OrderByDescending(v => v.Depth))
        {
            await ExecuteAsync(connection, tx, $"drop {ExistingRelation.KeywordOf(view.Kind)} {view.Qualified}", ct);
        }
    }

    public async Task RecreateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct = default)
    {
        foreach (var view in Views.OrderBy(v => v.Depth))
        {
            try
            {
                await ExecuteAsync(connection, tx, $"create {ExistingRelation.KeywordOf(view.Kind)} {view.Qualified} as {view.Definition.TrimEnd().TrimEnd(';')}", ct);
            }
            catch (PostgresException ex)
            {
                throw new WarehouseException($"dependent {ExistingRelation.KeywordOf(view.Kind)} {view.Qualified} cannot be recreated on the new relation: {ex.MessageText}; fix or drop it first", ex);
            }
            foreach (var index in view.Indexes)
            {
                await ExecuteAsync(connection, tx, index, ct);
            }
            foreach (var grant in view.Grants)
            {
                await ExecuteAsync(connection, tx, grant, ct);
            }
            if (view.Comment is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"comment on {ExistingRelation.KeywordOf(view.Kind)} {view.Qualified} is {Literal(view.Comment)}", transaction: tx, cancellationToken: ct));
            }
        }
    }

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}

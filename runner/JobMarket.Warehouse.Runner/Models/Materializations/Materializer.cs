using System.Security.Cryptography;
using System.Text;
using Dapper;
using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// The four model materializations, each inside the node's one transaction and each auditing the
/// new data (the node's tests) before it is published:
/// <list type="bullet">
/// <item><c>view</c>: <c>create or replace view</c> when the hash of the rendered definition and of
///   the columns it reads (in <c>audit.model_state</c>) changed, else left alone; an incompatible column change builds the view
///   under a temporary name and swaps it in, recreating dependents.</item>
/// <item><c>table</c>: built as <c>&lt;name&gt;__tmp_&lt;run&gt;</c>, indexed, audited, swapped.</item>
/// <item><c>incremental</c>: new rows into a temporary table, tested there, schema drift per
///   <c>on_schema_change</c>, configured indexes the table lacks created, delete+insert by
///   <c>unique_key</c>; first run and <c>--full-refresh</c> build like a table.</item>
/// <item><c>materialized_view</c>: the rendered definition and indexes are hashed into
///   <c>audit.model_state</c>; a changed hash rebuilds and swaps, an unchanged one refreshes
///   (<c>CONCURRENTLY</c> when a unique index allows it).</item>
/// </list>
/// </summary>
internal static class Materializer
{
    public static Task<MaterializeOutcome> MaterializeAsync(NodeExecution run, CancellationToken ct = default) => run.Node.Materialized switch
    {
        Materialization.View => ViewAsync(run, ct),
        Materialization.Table => TableAsync(run, run.Render(false), ct),
        Materialization.Incremental => IncrementalAsync(run, ct),
        Materialization.MaterializedView => MaterializedViewAsync(run, ct),
        var other => throw new InvalidOperationException($"no materialization '{other}'"),
    };

    private static async Task<MaterializeOutcome> ViewAsync(NodeExecution run, CancellationToken ct)
    {
        var target = run.Node.Relation;
        var sql = run.Render(false);
        var existing = await RelationCatalog.FindAsync(run.Connection, run.Transaction, target, ct);
        if (existing is { Kind: 'v' } && !run.FullRefresh && await StoredHashAsync(run, target, ct) == await ViewHashAsync(run, sql, ct))
        {
            // Unchanged: replacing it anyway would take an exclusive lock and wait for every reader.
            return await AuditedAsync(run, target, new MaterializeOutcome(null, true, "unchanged"));
        }
        var outcome = await CreateOrSwapViewAsync(run, target, sql, existing, ct);
        if (outcome.Published)
        {
            await RecordHashAsync(run, target, "view", await ViewHashAsync(run, sql, ct), ct);
        }
        return outcome;
    }

    // The definition and the columns of what the published view reads (a `select *` takes them in).
    private static async Task<string> ViewHashAsync(NodeExecution run, string sql, CancellationToken ct) =>
        Hash(sql + "\n--upstream: " + await RelationCatalog.UpstreamColumnsAsync(run.Connection, run.Transaction, run.Node.Relation.ToString(), ct));

    private static async Task<MaterializeOutcome> CreateOrSwapViewAsync(NodeExecution run, Relation target, string sql, ExistingRelation? existing, CancellationToken ct)
    {
        if (existing is null || existing.Kind == 'v')
        {
            await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "savepoint jobmarket_view", ct);
            try
            {
                await run.ExecuteModelAsync($"create or replace view {target} as\n", sql, ct);
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "release savepoint jobmarket_view", ct);
                return await AuditedAsync(run, target, new MaterializeOutcome(null, true, existing is null ? "created" : "replaced"));
            }
            catch (ProjectException ex) when (existing is not null && ex.Detail.StartsWith("42P16", StringComparison.Ordinal))
            {
                // Columns renamed, dropped or retyped: create or replace cannot; build and swap instead.
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "rollback to savepoint jobmarket_view", ct);
            }
        }
        var built = target.WithName(run.TempName);
        await run.ExecuteModelAsync($"create view {built} as\n", sql, ct);
        if (!await run.AuditAsync(built))
        {
            return new MaterializeOutcome(null, false, "tests failed");
        }
        await RelationSwapper.SwapAsync(run, built, 'v', existing, [], ct);
        return new MaterializeOutcome(null, true, "swapped");
    }

    private static async Task<MaterializeOutcome> TableAsync(NodeExecution run, string sql, CancellationToken ct)
    {
        var target = run.Node.Relation;
        var existing = await RelationCatalog.FindAsync(run.Connection, run.Transaction, target, ct);
        var built = target.WithName(run.TempName);
        var rows = await run.ExecuteModelAsync($"create table {built} as\n", sql, ct);
        return await PublishBuiltAsync(run, built, 'r', existing, rows, ct);
    }

    /// <summary>Indexes, audits and swaps a relation built under the temporary name (tables, seeds, matviews).</summary>
    public static async Task<MaterializeOutcome> PublishBuiltAsync(NodeExecution run, Relation built, char kind, ExistingRelation? existing, long rows, CancellationToken ct = default)
    {
        var indexNames = await IndexBuilder.CreateAsync(run, built, ct);
        await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"analyze {built}", ct);
        if (!await run.AuditAsync(built))
        {
            return new MaterializeOutcome(rows, false, "tests failed");
        }
        await RelationSwapper.SwapAsync(run, built, kind, existing, indexNames, ct);
        return new MaterializeOutcome(rows, true, existing is null ? "created" : "swapped");
    }

    private static async Task<MaterializeOutcome> IncrementalAsync(NodeExecution run, CancellationToken ct)
    {
        var target = run.Node.Relation;
        var existing = await RelationCatalog.FindAsync(run.Connection, run.Transaction, target, ct);
        if (existing is null || existing.Kind != 'r' || run.FullRefresh)
        {
            return await TableAsync(run, run.Render(false), ct);
        }
        // Before the query: it may be the index the new rows are looked up by.
        await IndexBuilder.EnsureAsync(run, target, ct);
        var staged = $"jobmarket_incremental_{run.RunId}";
        await run.ExecuteModelAsync($"create temporary table {staged} on commit drop as\n", run.Render(true), ct);
        // What follows reads the day's rows against the stored table: their tests, the merge, the
        // post-hooks. Each probes a key's index; at PostgreSQL's default random_page_cost (4, priced
        // for spinning disks) the planner hashed the whole table instead (deleting a day's 18,644
        // postings from 690,000: 0.65 s against 0.13 s). The pages a day touches are cached.
        await SqlRunner.ExecuteAsync(run.Connection, run.Transaction,
            "select set_config('random_page_cost', least(current_setting('random_page_cost')::float8, 1.1)::text, true)", ct);
        var targetColumns = await RelationCatalog.ColumnsAsync(run.Connection, run.Transaction, target.ToString(), ct);
        var newColumns = await RelationCatalog.ColumnsAsync(run.Connection, run.Transaction, staged, ct);
        foreach (var key in run.Node.Config.UniqueKey.Where(k => newColumns.All(c => c.Name != k)))
        {
            throw new ProjectException(run.Node.File, 0, $"unique_key column '{key}' is not in the model's output");
        }
        // Temporary tables get no autovacuum: without statistics the merge's join is planned blind.
        // Its keys are what the merge joins on; sampling the wide text columns too cost a second
        // on a day of core.source_posting.
        var keys = string.Join(", ", run.Node.Config.UniqueKey.Select(Relation.Quote));
        await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"analyze {staged}{(keys.Length > 0 ? $" ({keys})" : "")}", ct);
        // The stored rows passed their tests when they came: test the rows this run brings, before the
        // merge, rather than rescanning the whole table on every build (unique indexes still guard it).
        if (!await run.AuditAsync(new Relation("pg_temp", staged)))
        {
            return new MaterializeOutcome(null, false, "tests failed");
        }
        var added = newColumns.Where(c => targetColumns.All(t => t.Name != c.Name)).ToList();
        if (added.Count > 0)
        {
            if (run.Node.Config.OnSchemaChange != "append_new_columns")
            {
                throw new ProjectException(run.Node.File, 0,
                    $"new column(s) {string.Join(", ", added.Select(c => c.Name))} not in {target}; set on_schema_change='append_new_columns' or build with --full-refresh");
            }
            foreach (var (name, type) in added)
            {
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"alter table {target} add column {Relation.Quote(name)} {type}", ct);
            }
        }
        var keyMatch = string.Join(" and ", run.Node.Config.UniqueKey.Select(k => $"target.{Relation.Quote(k)} = staged.{Relation.Quote(k)}"));
        // Distinct keys: a key the day holds several rows of (a posting's skills) is matched once.
        await SqlRunner.ExecuteAsync(run.Connection, run.Transaction,
            $"delete from {target} as target using (select distinct {keys} from {staged}) as staged where {keyMatch}", ct);
        var columns = string.Join(", ", newColumns.Select(c => Relation.Quote(c.Name)));
        var rows = await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"insert into {target} ({columns}) select {columns} from {staged}", ct);
        return new MaterializeOutcome(rows, true, $"merged{(added.Count > 0 ? $", {added.Count} column(s) added" : "")}");
    }

    private static async Task<MaterializeOutcome> MaterializedViewAsync(NodeExecution run, CancellationToken ct)
    {
        var target = run.Node.Relation;
        var sql = run.Render(false);
        var hash = Hash(sql + "\n--indexes: " + string.Join(";", run.Node.Config.Indexes.Select(i => i.Describe())));
        var existing = await RelationCatalog.FindAsync(run.Connection, run.Transaction, target, ct);
        var stored = await StoredHashAsync(run, target, ct);
        if (existing is { Kind: 'm' } && stored == hash && !run.FullRefresh)
        {
            var concurrently = existing.Populated && await RelationCatalog.HasUniqueIndexAsync(run.Connection, run.Transaction, existing.Oid, ct);
            await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"refresh materialized view {(concurrently ? "concurrently " : "")}{target}", ct);
            await run.PlannerSettings.RestoreAsync(run.Connection, run.Transaction, ct);
            return await AuditedAsync(run, target, new MaterializeOutcome(null, true, concurrently ? "refreshed concurrently" : "refreshed"));
        }
        var built = target.WithName(run.TempName);
        var rows = await run.ExecuteModelAsync($"create materialized view {built} as\n", sql, ct);
        var outcome = await PublishBuiltAsync(run, built, 'm', existing, rows, ct);
        if (outcome.Published)
        {
            await RecordHashAsync(run, target, "materialized_view", hash, ct);
            outcome = outcome with { Action = existing is null ? "created" : stored == hash ? "rebuilt (full refresh)" : "rebuilt (definition changed)" };
        }
        return outcome;
    }

    internal static Task<string?> StoredHashAsync(NodeExecution run, Relation target, CancellationToken ct) =>
        run.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select definition_sha256 from audit.model_state where relation = @relation", new { relation = target.ToString() }, run.Transaction, cancellationToken: ct));

    internal static Task RecordHashAsync(NodeExecution run, Relation target, string materialization, string hash, CancellationToken ct) =>
        run.Connection.ExecuteAsync(new CommandDefinition(
            """
            insert into audit.model_state (relation, materialization, definition_sha256, updated_at)
            values (@relation, @materialization, @hash, clock_timestamp())
            on conflict (relation) do update
            set materialization = excluded.materialization, definition_sha256 = excluded.definition_sha256, updated_at = excluded.updated_at
            """, new { relation = target.ToString(), materialization, hash }, run.Transaction, cancellationToken: ct));

    internal static async Task<MaterializeOutcome> AuditedAsync(NodeExecution run, Relation relation, MaterializeOutcome outcome) =>
        await run.AuditAsync(relation) ? outcome : outcome with { Published = false, Action = "tests failed" };

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

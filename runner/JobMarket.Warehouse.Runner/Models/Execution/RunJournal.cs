using Dapper;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Runner.Models.Testing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Writes <c>audit.model_run</c>, <c>audit.test_result</c> and <c>audit.test_failure</c>, and reads back each node's last build time for the scheduler.</summary>
internal sealed class RunJournal(NpgsqlDataSource dataSource)
{
    /// <summary>Seconds each node took at its last successful build (none for a node never built).</summary>
    public async Task<IReadOnlyDictionary<string, double>> LastDurationsAsync(IReadOnlyList<string> nodes, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Node, double Seconds)>(new CommandDefinition(
            """
            select planned.node, last.seconds
            from unnest(@nodes) as planned (node)
            cross join lateral (
                select extract(epoch from run.finished_at - run.started_at)::float8 as seconds
                from audit.model_run as run
                where run.node = planned.node and run.status in ('success', 'warn') and run.finished_at is not null
                order by run.started_at desc
                limit 1
            ) as last
            """,
            new { nodes = nodes.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Node, r => r.Seconds, StringComparer.Ordinal);
    }

    public async Task StartAsync(long runId, ModelNode node, bool selected, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into audit.model_run (run_id, node, resource_type, relation, materialization, selected)
            values (@runId, @node, @resourceType, @relation, @materialization, @selected)
            on conflict (run_id, node) do update set status = 'running', started_at = clock_timestamp(), finished_at = null, error = null
            """,
            new { runId, node = node.Name, resourceType = node.ResourceType, relation = node.Kind == NodeKind.Test ? null : node.Relation.ToString(), materialization = node.Materialized, selected },
            cancellationToken: ct));
    }

    public async Task FinishAsync(long runId, NodeResult result, string? action, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into audit.model_run (run_id, node, resource_type, relation, materialization, selected, status, rows_affected, action, error, finished_at)
            values (@runId, @node, @resourceType, @relation, @materialization, @selected, @status, @rows, @action, @error, clock_timestamp())
            on conflict (run_id, node) do update
            set status = excluded.status, rows_affected = excluded.rows_affected, action = excluded.action,
                error = excluded.error, finished_at = excluded.finished_at
            """,
            new
            {
                runId,
                node = result.Name,
                resourceType = result.ResourceType,
                relation = result.Relation.Length == 0 ? null : result.Relation,
                materialization = result.Materialization,
                selected = result.Selected,
                status = result.Status,
                rows = result.Rows,
                action,
                error = result.Status is NodeStatus.Success ? null : result.Message,
            },
            cancellationToken: ct));
        foreach (var test in result.Tests)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into audit.test_result (run_id, test_name, model, severity, status, failures, message, compiled_sql, started_at, finished_at)
                values (@runId, @Name, @Model, @Severity, @Status, @Failures, @Message, @Sql, @StartedAt, @FinishedAt)
                on conflict (run_id, test_name) do update
                set status = excluded.status, failures = excluded.failures, message = excluded.message,
                    compiled_sql = excluded.compiled_sql, started_at = excluded.started_at, finished_at = excluded.finished_at
                """,
                new { runId, test.Name, test.Model, test.Severity, test.Status, test.Failures, test.Message, test.Sql, test.StartedAt, test.FinishedAt },
                cancellationToken: ct));
            if (test.SampleJson is { } sample)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    insert into audit.test_failure (run_id, test_name, failures, sample)
                    values (@runId, @name, @failures, @sample::jsonb)
                    on conflict (run_id, test_name) do update set failures = excluded.failures, sample = excluded.sample, recorded_at = clock_timestamp()
                    """,
                    new { runId, name = test.Name, failures = test.Failures, sample }, cancellationToken: ct));
            }
        }
    }
}

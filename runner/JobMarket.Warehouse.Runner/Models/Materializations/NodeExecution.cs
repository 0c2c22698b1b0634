using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// One node being built: its connection and transaction, the run's unique suffixes, and the audit
/// step (the node's data tests) that must pass before the new data is published.
/// </summary>
internal sealed class NodeExecution
{
    public required NpgsqlConnection Connection { get; init; }
    public required NpgsqlTransaction Transaction { get; init; }
    public required ModelNode Node { get; init; }
    public required ModelProject Project { get; init; }
    public required long RunId { get; init; }
    public required ModelEngineOptions Options { get; init; }
    public required bool FullRefresh { get; init; }

    /// <summary>Planner settings from before the pre-hooks, put back once the model's query ran.</summary>
    public required PlannerSettings PlannerSettings { get; init; }

    /// <summary>Runs the node's tests against the given relation; false means an error-severity test failed.</summary>
    public required Func<Relation, Task<bool>> AuditAsync { get; init; }

    public string TempName => Suffixed("__tmp_");
    public string OldName => Suffixed("__old_");

    /// <summary>
    /// Runs the statement that holds the model's query (<c>prefix + sql</c>), then puts the planner
    /// settings back for the statements that follow it.
    /// </summary>
    public async Task<long> ExecuteModelAsync(string prefix, string sql, CancellationToken ct = default)
    {
        var rows = await SqlRunner.ExecuteModelAsync(Connection, Transaction, Node, prefix, sql, "", ct);
        await PlannerSettings.RestoreAsync(Connection, Transaction, ct);
        return rows;
    }

    /// <summary>Renders the model SQL with <c>is_incremental()</c> as given.</summary>
    public string Render(bool incremental) => SqlRunner.Body(ModelCompiler.Render(Project, Node, incremental));

    // Relation names are at most 63 bytes; the run id keeps two runs' temporary names apart.
    private string Suffixed(string marker)
    {
        var suffix = marker + RunId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var room = 63 - suffix.Length;
        return (Node.Name.Length > room ? Node.Name[..room] : Node.Name) + suffix;
    }
}

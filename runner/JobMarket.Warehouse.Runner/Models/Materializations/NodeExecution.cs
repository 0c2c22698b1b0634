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

    /// <summary>Runs the node's tests against the given relation; false means an error-severity test failed.</summary>
    public required Func<Relation, Task<bool>> AuditAsync { get; init; }

    public string TempName => Suffixed("__tmp_");
    public string OldName => Suffixed("__old_");

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

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A parsed, validated model project: every node, source and test, with the DAG's edges.</summary>
internal sealed class ModelProject
{
    public required string Home { get; init; }
    public required IReadOnlyDictionary<string, ModelNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, SourceTable> Sources { get; init; }

    /// <summary>Nodes each node reads (<c>ref</c> targets; a singular test's refs; a relationships target).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Parents { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Children { get; init; }

    /// <summary>Nodes in an order where every parent comes before its children (ties by name).</summary>
    public required IReadOnlyList<ModelNode> Ordered { get; init; }

    public IEnumerable<DataTestSpec> AllTests =>
        Ordered.SelectMany(n => n.Kind == NodeKind.Test ? [n.Test!] : (IEnumerable<DataTestSpec>)n.Tests);

    public Relation RelationOf(string name) => Nodes[name].Relation;
}

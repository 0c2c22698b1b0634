namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>What <see cref="ModelEngine.BuildAsync"/> did: every planned node's result in completion order.</summary>
internal sealed record BuildResult(long RunId, EngineCommand Command, IReadOnlyList<NodeResult> Nodes, TimeSpan Elapsed)
{
    public int Count(string status) => Nodes.Count(n => n.Status == status);

    /// <summary>True when no node failed and none was cancelled (warnings and skips by selection allowed).</summary>
    public bool Succeeded => Nodes.All(n => n.Status is NodeStatus.Success or NodeStatus.Warn);

    public string Summary =>
        $"{Nodes.Count} node(s): {Count(NodeStatus.Success)} ok, {Count(NodeStatus.Warn)} warn, {Count(NodeStatus.Error)} error, {Count(NodeStatus.Skipped)} skipped"
        + (Count(NodeStatus.Cancelled) > 0 ? $", {Count(NodeStatus.Cancelled)} cancelled" : "")
        + $" in {Elapsed.TotalSeconds:0.0}s";
}

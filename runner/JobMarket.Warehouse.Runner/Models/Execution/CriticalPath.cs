namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>
/// How long the chain each node heads takes: its own seconds plus the longest chain of the nodes
/// waiting on it. The scheduler starts the ready node with the longest chain first.
/// </summary>
internal static class CriticalPath
{
    /// <param name="nodes">Every planned node.</param>
    /// <param name="waiters">Node → the planned nodes waiting on it (an acyclic graph).</param>
    /// <param name="seconds">Each node's last build time; a node missing counts 0.</param>
    public static Dictionary<string, double> ChainSeconds(
        IEnumerable<string> nodes, IReadOnlyDictionary<string, List<string>> waiters, IReadOnlyDictionary<string, double> seconds)
    {
        var chain = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            Chain(node);
        }
        return chain;

        double Chain(string name)
        {
            if (!chain.TryGetValue(name, out var total))
            {
                total = seconds.GetValueOrDefault(name) + (waiters.GetValueOrDefault(name) ?? []).Select(Chain).DefaultIfEmpty(0).Max();
                chain[name] = total;
            }
            return total;
        }
    }
}

using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Graph;

/// <summary>DAG helpers: children from parents, a deterministic topological order, cycle reports.</summary>
internal static class ModelGraph
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Children(
        IEnumerable<string> names, IReadOnlyDictionary<string, IReadOnlyList<string>> parents)
    {
        var children = names.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (child, list) in parents)
        {
            foreach (var parent in list)
            {
                children[parent].Add(child);
            }
        }
        return children.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>Kahn's algorithm with ties broken by name; a cycle is an error at the ref that closes it.</summary>
    public static IReadOnlyList<ModelNode> TopologicalOrder(
        IReadOnlyDictionary<string, ModelNode> nodes, IReadOnlyDictionary<string, IReadOnlyList<string>> parents)
    {
        var pending = nodes.Keys.ToDictionary(n => n, n => parents[n].Count, StringComparer.Ordinal);
        var children = Children(nodes.Keys, parents);
        var ready = new SortedSet<string>(pending.Where(kv => kv.Value == 0).Select(kv => kv.Key), StringComparer.Ordinal);
        var order = new List<ModelNode>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(nodes[next]);
            foreach (var child in children[next])
            {
                if (--pending[child] == 0)
                {
                    ready.Add(child);
                }
            }
        }
        if (order.Count < nodes.Count)
        {
            ThrowCycle(nodes, parents, pending.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToHashSet());
        }
        return order;
    }

    private static void ThrowCycle(IReadOnlyDictionary<string, ModelNode> nodes, IReadOnlyDictionary<string, IReadOnlyList<string>> parents, HashSet<string> stuck)
    {
        // Walk parent links inside the stuck set until a node repeats: that loop is a cycle.
        var start = stuck.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var seen = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var current = start;
        while (true)
        {
            var parent = parents[current].Where(stuck.Contains).Order(StringComparer.Ordinal).First();
            if (seen.TryGetValue(parent, out var at))
            {
                // In data-flow order: each node is read by the next one; the last one holds the ref.
                var cycle = path.Skip(at).Reverse().Prepend(path[at]).ToList();
                var from = nodes[cycle[^1]];
                var line = from.Refs.FirstOrDefault(r => r.Name == cycle[^2]).Line;
                throw new ProjectException(from.File, line, $"cycle in ref(): {string.Join(" -> ", cycle)}");
            }
            seen[parent] = path.Count;
            path.Add(parent);
            current = parent;
        }
    }
}

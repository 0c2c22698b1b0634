namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>What one source run covers: its window and where each partition stands in it.</summary>
public sealed record ExtractPlan(ExtractWindow Window, IReadOnlyDictionary<string, PartitionState> Partitions)
{
    public static ExtractPlan Fresh(ExtractWindow window) => new(window, new Dictionary<string, PartitionState>());

    /// <summary>The partition's state in this window, or null when it has not started in it.</summary>
    public PartitionState? StateOf(string partitionKey) =>
        Partitions.TryGetValue(partitionKey, out var state) && state.To == Window.To ? state : null;
}

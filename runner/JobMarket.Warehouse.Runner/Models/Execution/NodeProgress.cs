namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Reported when a node starts (<see cref="Result"/> null) and when it ends.</summary>
internal sealed record NodeProgress(string Node, string ResourceType, int Index, int Total, NodeResult? Result);

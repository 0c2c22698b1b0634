using JobMarket.Warehouse.Runner.Models.Testing;

namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>One node's outcome in a build: <see cref="NodeStatus"/>, rows, time, message, its tests.</summary>
internal sealed record NodeResult(
    string Name,
    string ResourceType,
    string Relation,
    string Materialization,
    string Status,
    long? Rows,
    TimeSpan Elapsed,
    string? Message,
    IReadOnlyList<TestResult> Tests)
{
    public bool Selected { get; init; } = true;
}

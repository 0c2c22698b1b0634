namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// A data test: generic (<c>unique</c>, <c>not_null</c>, <c>accepted_values</c>, <c>relationships</c>,
/// <c>expression</c>) declared in YAML on a model or seed, or singular (<c>models/tests/*.sql</c>).
/// </summary>
internal sealed record DataTestSpec
{
    public static readonly IReadOnlyList<string> GenericKinds = ["unique", "not_null", "accepted_values", "relationships", "expression"];

    public required string Name { get; init; }
    public required string Kind { get; init; }
    /// <summary>The model or seed the test is attached to (null for a singular test).</summary>
    public string? Model { get; init; }
    public string? Column { get; init; }
    public IReadOnlyList<object?> Values { get; init; } = [];
    /// <summary>relationships: the parent model (or source as <c>source:name.table</c>) and its field.</summary>
    public string? To { get; init; }
    public string? Field { get; init; }
    public string? Expression { get; init; }
    public string? Where { get; init; }
    public string Severity { get; init; } = "error";
    public required string File { get; init; }
    public int Line { get; init; }
}

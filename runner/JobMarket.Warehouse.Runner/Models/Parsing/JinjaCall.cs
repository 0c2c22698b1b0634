namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A call such as <c>ref('posting')</c> read from a template or a YAML argument.</summary>
internal sealed record JinjaCall(string Name, IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named);

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>What a template needs to render: how to spell relations, and which branch to take.</summary>
internal sealed record RenderContext(
    Func<string, string> Ref,
    Func<string, string, string> Source,
    string This,
    bool IsIncremental);

namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>A typed parameter, bound as a real query parameter <c>@name</c>.</summary>
internal sealed record ExportParameter(
    string Name,
    ExportParameterType Type,
    bool Required,
    string? Default,
    string? Description,
    int Line);

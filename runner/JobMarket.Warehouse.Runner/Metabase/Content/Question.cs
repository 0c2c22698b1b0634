using System.Text.Json.Nodes;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>One <c>metabase/questions/*.sql</c> file: a native SQL card and its header.</summary>
internal sealed record Question(
    string Slug,
    string File,
    string Name,
    string? Description,
    string Display,
    JsonObject VisualizationSettings,
    IReadOnlyList<TemplateTag> TemplateTags,
    string Sql,
    int SqlLine)
{
    public static readonly string[] Displays =
    [
        "table", "bar", "line", "area", "row", "pie", "scalar", "smartscalar", "progress", "gauge",
        "funnel", "combo", "scatter", "waterfall", "pivot", "map", "object",
    ];

    public TemplateTag? Tag(string name) => TemplateTags.FirstOrDefault(t => t.Name == name);
}

using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Renders a node's SQL: <c>ref</c> and <c>source</c> become schema-qualified relations.</summary>
internal static class ModelCompiler
{
    public static string Render(ModelProject project, ModelNode node, bool incremental) =>
        node.Template?.Render(new RenderContext(
            name => project.RelationOf(name).ToString(),
            (source, table) => project.Sources[$"{source}.{table}"].Relation.ToString(),
            node.Relation.ToString(),
            incremental)) ?? "";
}

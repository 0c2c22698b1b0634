using System.Text;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Runner.Models.Testing;
using static System.Net.WebUtility;

namespace JobMarket.Warehouse.Runner.Models.Docs;

/// <summary>
/// Writes the static documentation site (<c>target/docs</c>): <c>index.html</c> with the whole lineage
/// graph and every model by schema, one page per node (description, grain, columns, tests, parents
/// and children, raw and compiled SQL, its neighbourhood graph) and one per source table. Plain HTML
/// and inline SVG: it opens from a file, with no server and no network.
/// </summary>
internal static class DocsSiteWriter
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330}header{background:#1d3557;color:#fff;padding:12px 24px}
        header a{color:#fff;text-decoration:none}main{padding:16px 24px;max-width:1200px}table{border-collapse:collapse;margin:8px 0}
        td,th{border:1px solid #d0d5dd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f2f4f7}
        pre{background:#f6f8fa;border:1px solid #d0d5dd;padding:10px;overflow:auto}.graph{overflow:auto;border:1px solid #d0d5dd;background:#fcfcfd}
        .edge{fill:none;stroke:#98a2b3;stroke-width:1.4}.node rect{fill:#e0ecff;stroke:#3b6cb7}.node text{font-size:12px;fill:#1d2330}
        .node.seed rect{fill:#e7f6e7;stroke:#3c8d3c}.node.source rect{fill:#fff4e0;stroke:#c98a1b}.node.test rect{fill:#f4e8ff;stroke:#7a4bb3}
        .node.focus rect{stroke-width:3}.tag{background:#eef;border-radius:4px;padding:0 5px;margin-right:4px}
        """;

    public static string Write(ModelProject project, string targetPath)
    {
        var root = Path.Combine(targetPath, "docs");
        Directory.CreateDirectory(Path.Combine(root, "models"));
        Directory.CreateDirectory(Path.Combine(root, "sources"));
        var (nodes, edges) = Graph(project, "");
        var index = new StringBuilder();
        index.Append("<h1>JobMarket Warehouse models</h1>");
        index.Append($"<p>{project.Nodes.Count(n => n.Value.Kind == NodeKind.Model)} models, {project.Nodes.Count(n => n.Value.Kind == NodeKind.Seed)} seeds, {project.Sources.Count} sources, {project.AllTests.Count()} data tests. Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.</p>");
        index.Append("<h2>Lineage</h2><div class=\"graph\">").Append(LineageSvg.Render(nodes, edges)).Append("</div>");
        foreach (var schema in project.Ordered.Where(n => n.Kind != NodeKind.Test).GroupBy(n => n.Schema).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            index.Append($"<h2 id=\"schema-{HtmlEncode(schema.Key)}\">{HtmlEncode(schema.Key)}</h2><table><tr><th>relation</th><th>materialized</th><th>description</th></tr>");
            foreach (var node in schema.OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                index.Append($"<tr><td><a href=\"models/{HtmlEncode(node.Name)}.html\">{HtmlEncode(node.Relation.ToString())}</a></td><td>{node.Materialized}</td><td>{HtmlEncode(node.Description ?? "")}</td></tr>");
            }
            index.Append("</table>");
        }
        index.Append("<h2>Sources</h2><table><tr><th>source</th><th>relation</th><th>freshness</th></tr>");
        foreach (var source in project.Sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            index.Append($"<tr><td><a href=\"sources/{HtmlEncode(source.Key)}.html\">{HtmlEncode(source.Key)}</a></td><td>{HtmlEncode(source.Relation.ToString())}</td><td>{Freshness(source)}</td></tr>");
        }
        index.Append("</table><h2>Singular tests</h2><ul>");
        foreach (var test in project.Ordered.Where(n => n.Kind == NodeKind.Test))
        {
            index.Append($"<li><a href=\"models/{HtmlEncode(test.Name)}.html\">{HtmlEncode(test.Name)}</a></li>");
        }
        index.Append("</ul>");
        File.WriteAllText(Path.Combine(root, "index.html"), Page("JobMarket Warehouse docs", "", index.ToString()));
        foreach (var node in project.Nodes.Values)
        {
            File.WriteAllText(Path.Combine(root, "models", node.Name + ".html"), Page(node.Name, "../", NodePage(project, node)));
        }
        foreach (var source in project.Sources.Values)
        {
            File.WriteAllText(Path.Combine(root, "sources", source.Key + ".html"), Page(source.Key, "../", SourcePage(project, source)));
        }
        return Path.Combine(root, "index.html");
    }

    private static string NodePage(ModelProject project, ModelNode node)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{HtmlEncode(node.Kind == NodeKind.Test ? node.Name : node.Relation.ToString())}</h1>");
        html.Append($"<p>{node.ResourceType} · {node.Materialized} · <code>{HtmlEncode(node.File)}</code>{string.Concat(node.Config.Tags.Select(t => $" <span class=\"tag\">{HtmlEncode(t)}</span>"))}</p>");
        if (node.Description is not null)
        {
            html.Append($"<p class=\"description\">{HtmlEncode(node.Description)}</p>");
        }
        if (node.Grain is not null)
        {
            html.Append($"<p><b>Grain:</b> {HtmlEncode(node.Grain)}</p>");
        }
        var (nodes, edges) = Graph(project, "../", node.Name);
        html.Append("<h2>Lineage</h2><div class=\"graph\">").Append(LineageSvg.Render(nodes, edges, node.Name)).Append("</div>");
        html.Append("<h2>Parents</h2><ul id=\"parents\">");
        foreach (var parent in project.Parents[node.Name])
        {
            html.Append($"<li><a class=\"parent\" href=\"{HtmlEncode(parent)}.html\">{HtmlEncode(parent)}</a></li>");
        }
        foreach (var (source, table, _) in node.SourceRefs.Distinct())
        {
            html.Append($"<li><a class=\"parent\" href=\"../sources/{HtmlEncode($"{source}.{table}")}.html\">source {HtmlEncode($"{source}.{table}")}</a></li>");
        }
        html.Append("</ul><h2>Children</h2><ul id=\"children\">");
        foreach (var child in project.Children[node.Name])
        {
            html.Append($"<li><a class=\"child\" href=\"{HtmlEncode(child)}.html\">{HtmlEncode(child)}</a></li>");
        }
        html.Append("</ul>");
        if (node.Columns.Count > 0)
        {
            html.Append("<h2>Columns</h2><table id=\"columns\"><tr><th>column</th><th>type</th><th>description</th><th>tests</th></tr>");
            foreach (var column in node.Columns)
            {
                var tests = string.Join(", ", node.Tests.Where(t => t.Column == column.Name).Select(t => t.Kind + (t.Severity == "warn" ? " (warn)" : "")));
                html.Append($"<tr><td>{HtmlEncode(column.Name)}</td><td>{HtmlEncode(column.DataType ?? "")}</td><td>{HtmlEncode(column.Description ?? "")}</td><td>{HtmlEncode(tests)}</td></tr>");
            }
            html.Append("</table>");
        }
        if (node.Tests.Count > 0)
        {
            html.Append("<h2>Tests</h2><table id=\"tests\"><tr><th>test</th><th>severity</th><th>SQL (returns failing rows)</th></tr>");
            foreach (var test in node.Tests)
            {
                html.Append($"<tr><td>{HtmlEncode(test.Name)}</td><td>{test.Severity}</td><td><code>{HtmlEncode(DataTestCompiler.Compile(project, test, node.Relation))}</code></td></tr>");
            }
            html.Append("</table>");
        }
        if (node.Kind != NodeKind.Seed)
        {
            html.Append($"<h2>SQL</h2><pre id=\"sql\">{HtmlEncode(node.RawSql)}</pre>");
            html.Append($"<h2>Compiled SQL</h2><pre id=\"compiled\">{HtmlEncode(ModelCompiler.Render(project, node, false).Trim())}</pre>");
        }
        return html.ToString();
    }

    private static string SourcePage(ModelProject project, SourceTable source)
    {
        var html = new StringBuilder($"<h1>source {HtmlEncode(source.Key)}</h1><p>{HtmlEncode(source.Relation.ToString())} · <code>{HtmlEncode(source.File)}</code></p>");
        if (source.Description is not null)
        {
            html.Append($"<p class=\"description\">{HtmlEncode(source.Description)}</p>");
        }
        html.Append($"<p><b>Freshness:</b> {Freshness(source)} (loaded_at_field: {HtmlEncode(source.LoadedAtField ?? "none")})</p><h2>Read by</h2><ul id=\"children\">");
        foreach (var node in project.Ordered.Where(n => n.SourceRefs.Any(s => $"{s.Source}.{s.Table}" == source.Key)))
        {
            html.Append($"<li><a class=\"child\" href=\"../models/{HtmlEncode(node.Name)}.html\">{HtmlEncode(node.Name)}</a></li>");
        }
        return html.Append("</ul>").ToString();
    }

    private static string Freshness(SourceTable source) => source.Freshness is not { } f ? "not checked"
        : $"warn after {f.WarnAfter?.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} h, error after {f.ErrorAfter?.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} h";

    // The whole graph, or with focus the node, its ancestors and its descendants.
    private static (Dictionary<string, (string, string, string)>, List<(string, string)>) Graph(ModelProject project, string prefix, string? focus = null)
    {
        var keep = focus is null ? null : Neighbourhood(project, focus);
        var nodes = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        var edges = new List<(string, string)>();
        foreach (var node in project.Nodes.Values.Where(n => keep is null || keep.Contains(n.Name)))
        {
            nodes[node.Name] = (node.Name, node.ResourceType, $"{(prefix.Length == 0 ? "models/" : "")}{node.Name}.html");
            foreach (var parent in project.Parents[node.Name].Where(p => keep is null || keep.Contains(p)))
            {
                edges.Add((parent, node.Name));
            }
            foreach (var key in node.SourceRefs.Select(s => $"{s.Source}.{s.Table}").Distinct())
            {
                nodes[$"source:{key}"] = (key, "source", $"{prefix}sources/{key}.html");
                edges.Add(($"source:{key}", node.Name));
            }
        }
        return (nodes, edges);
    }

    private static HashSet<string> Neighbourhood(ModelProject project, string focus)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal) { focus };
        foreach (var edges in new[] { project.Parents, project.Children })
        {
            var frontier = new Stack<string>([focus]);
            while (frontier.TryPop(out var current))
            {
                foreach (var next in edges[current].Where(keep.Add))
                {
                    frontier.Push(next);
                }
            }
        }
        return keep;
    }

    private static string Page(string title, string prefix, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{HtmlEncode(title)}</title><style>{Style}</style></head>"
        + $"<body><header><a href=\"{prefix}index.html\">JobMarket Warehouse docs</a></header><main>{body}</main></body></html>";
}

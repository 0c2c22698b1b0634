using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace JobMarket.Warehouse.Runner.Models.Docs;

/// <summary>
/// A lineage graph as inline SVG (no script, no network): nodes in columns by depth (longest path
/// from a root), edges as curves, each node a link to its page.
/// </summary>
internal static class LineageSvg
{
    private const int ColumnWidth = 230;
    private const int RowHeight = 34;
    private const int BoxWidth = 200;
    private const int BoxHeight = 24;

    /// <param name="nodes">id → (label, kind for the CSS class, link).</param>
    /// <param name="edges">(from, to) pairs, both ids of <paramref name="nodes"/>.</param>
    public static string Render(IReadOnlyDictionary<string, (string Label, string Kind, string Href)> nodes, IReadOnlyList<(string From, string To)> edges, string? focus = null)
    {
        var depth = nodes.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        for (var pass = 0; pass < nodes.Count; pass++)
        {
            var changed = false;
            foreach (var (from, to) in edges)
            {
                if (depth[to] < depth[from] + 1)
                {
                    depth[to] = depth[from] + 1;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        foreach (var column in depth.GroupBy(kv => kv.Value).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var id in column.Select(kv => kv.Key).OrderBy(k => nodes[k].Kind, StringComparer.Ordinal).ThenBy(k => nodes[k].Label, StringComparer.Ordinal))
            {
                position[id] = (10 + column.Key * ColumnWidth, 10 + row++ * RowHeight);
            }
        }
        var width = position.Count == 0 ? 100 : position.Values.Max(p => p.X) + BoxWidth + 20;
        var height = position.Count == 0 ? 40 : position.Values.Max(p => p.Y) + BoxHeight + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"lineage graph\">");
        foreach (var (from, to) in edges)
        {
            var (x1, y1) = position[from];
            var (x2, y2) = position[to];
            var sx = x1 + BoxWidth;
            var sy = y1 + BoxHeight / 2;
            var ey = y2 + BoxHeight / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"edge\" data-from=\"{HtmlEncode(from)}\" data-to=\"{HtmlEncode(to)}\" d=\"M{sx},{sy} C{sx + 15},{sy} {x2 - 15},{ey} {x2},{ey}\"/>");
        }
        foreach (var (id, (x, y)) in position)
        {
            var (label, kind, href) = nodes[id];
            var text = label.Length > 28 ? label[..27] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture,
                $"<a href=\"{HtmlEncode(href)}\"><g class=\"node {kind}{(id == focus ? " focus" : "")}\" id=\"node-{HtmlEncode(id)}\"><title>{HtmlEncode(label)}</title>"
                + $"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"5\"/>"
                + $"<text x=\"{x + 8}\" y=\"{y + 16}\">{HtmlEncode(text)}</text></g></a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}

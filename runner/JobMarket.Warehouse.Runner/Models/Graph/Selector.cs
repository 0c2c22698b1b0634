using System.Text.RegularExpressions;
using JobMarket.Warehouse.Runner.Cli;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Graph;

/// <summary>
/// Node selection, dbt's syntax: each <c>--select</c> value holds space-separated terms whose union is
/// taken; a term is <c>[N+]method[+N]</c> where method is a node name (globs with <c>*</c>),
/// <c>tag:x</c>, <c>path:models/marts</c>, <c>source:adzuna</c>, <c>config.materialized:table</c> or
/// <c>resource_type:seed</c>; a leading <c>+</c> adds ancestors, a trailing one descendants (N limits
/// the depth). A comma inside a term intersects (<c>tag:daily,path:models/marts</c>).
/// <c>--exclude</c> uses the same syntax. Tests ride along with a selected parent.
/// </summary>
internal static partial class Selector
{
    public static Selection Select(ModelProject project, IReadOnlyList<string> select, IReadOnlyList<string> exclude)
    {
        var selectTerms = Terms(select);
        HashSet<string> chosen;
        HashSet<string> direct;
        if (selectTerms.Count == 0)
        {
            chosen = [.. project.Nodes.Keys];
            direct = [.. chosen];
        }
        else
        {
            chosen = new(StringComparer.Ordinal);
            direct = new(StringComparer.Ordinal);
            foreach (var term in selectTerms)
            {
                var (matched, expanded) = Evaluate(project, term);
                direct.UnionWith(matched);
                chosen.UnionWith(expanded);
            }
        }
        foreach (var term in Terms(exclude))
        {
            chosen.ExceptWith(Evaluate(project, term).Expanded);
        }
        // Tests ride along with any selected parent (dbt's eager indirect selection).
        foreach (var test in project.Nodes.Values.Where(n => n.Kind == NodeKind.Test && !chosen.Contains(n.Name)))
        {
            if (project.Parents[test.Name].Any(chosen.Contains) && !Terms(exclude).Any(t => Evaluate(project, t).Expanded.Contains(test.Name)))
            {
                chosen.Add(test.Name);
            }
        }
        direct.IntersectWith(chosen);
        return new Selection(chosen, direct);
    }

    private static List<string> Terms(IReadOnlyList<string> values) =>
        [.. values.SelectMany(v => v.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))];

    private static (HashSet<string> Matched, HashSet<string> Expanded) Evaluate(ModelProject project, string term)
    {
        HashSet<string>? matched = null;
        HashSet<string>? expanded = null;
        foreach (var part in term.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = TermPattern().Match(part);
            if (!m.Success)
            {
                throw new UsageException($"cannot read the selector '{part}'");
            }
            var method = m.Groups["method"].Value;
            var hits = Match(project, method);
            var set = new HashSet<string>(hits, StringComparer.Ordinal);
            if (m.Groups["up"].Success)
            {
                set.UnionWith(Walk(project.Parents, hits, Depth(m.Groups["updepth"].Value)));
            }
            if (m.Groups["down"].Success)
            {
                set.UnionWith(Walk(project.Children, hits, Depth(m.Groups["downdepth"].Value)));
            }
            matched = matched is null ? [.. hits] : [.. matched.Intersect(hits)];
            expanded = expanded is null ? set : [.. expanded.Intersect(set)];
        }
        return (matched ?? [], expanded ?? []);
    }

    private static int Depth(string text) => text.Length == 0 ? int.MaxValue : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Match(ModelProject project, string method)
    {
        var colon = method.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "name" : method[..colon];
        var value = colon < 0 ? method : method[(colon + 1)..];
        IEnumerable<ModelNode> nodes = project.Nodes.Values;
        var hits = kind switch
        {
            "name" or "fqn" when !value.Contains('*', StringComparison.Ordinal) =>
                project.Nodes.ContainsKey(value) ? [value] : throw new UsageException($"no model, seed or test named '{value}'"),
            "name" or "fqn" => nodes.Where(n => Glob(value).IsMatch(n.Name)).Select(n => n.Name),
            "tag" => nodes.Where(n => n.Config.Tags.Contains(value)).Select(n => n.Name),
            "path" => nodes.Where(n => InPath(n.File, value)).Select(n => n.Name),
            "source" => nodes.Where(n => n.SourceRefs.Any(s => s.Source == value || $"{s.Source}.{s.Table}" == value)).Select(n => n.Name),
            "resource_type" => nodes.Where(n => n.ResourceType == value).Select(n => n.Name),
            "config.materialized" => nodes.Where(n => n.Materialized == value).Select(n => n.Name),
            _ => throw new UsageException($"unknown selector method '{kind}:' (use a name, tag:, path:, source:, resource_type: or config.materialized:)"),
        };
        return [.. hits.Order(StringComparer.Ordinal)];
    }

    private static bool InPath(string file, string path)
    {
        var p = path.Replace('\\', '/').TrimEnd('/');
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }
        if (!p.StartsWith("models/", StringComparison.Ordinal) && p != "models")
        {
            p = "models/" + p;
        }
        return file == p || file.StartsWith(p + "/", StringComparison.Ordinal) || Glob(p).IsMatch(file);
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");

    private static HashSet<string> Walk(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, IEnumerable<string> start, int depth)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frontier = start.ToList();
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            frontier = [.. frontier.SelectMany(n => edges[n]).Where(seen.Add)];
        }
        return seen;
    }

    [GeneratedRegex(@"^(?<up>(?<updepth>\d*)\+)?(?<method>[^+]+?)(?<down>\+(?<downdepth>\d*))?$")]
    private static partial Regex TermPattern();
}

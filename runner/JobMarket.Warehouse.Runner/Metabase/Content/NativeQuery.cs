using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// Metabase's native-query syntax: <c>{{tag}}</c> variables and <c>[[ … ]]</c> optional clauses
/// (dropped when a variable inside has no value). Lets the project check and run a question's SQL
/// the way Metabase would, without Metabase.
/// </summary>
internal static partial class NativeQuery
{
    /// <summary>One <c>{{name}}</c> occurrence: its offset and whether it sits in an optional clause.</summary>
    public sealed record TagUse(string Name, int Offset, bool Optional);

    public static IReadOnlyList<TagUse> Tags(string sql)
    {
        var optional = OptionalClauses(sql);
        return TagPattern().Matches(sql)
            .Select(m => new TagUse(m.Groups[1].Value, m.Index, optional.Any(o => m.Index > o.Index && m.Index < o.Index + o.Length)))
            .ToList();
    }

    /// <summary>
    /// The SQL with optional clauses kept (brackets removed) when all their variables have values and
    /// dropped otherwise; each variable becomes an Npgsql parameter <c>@name</c>.
    /// </summary>
    public static (string Sql, IReadOnlyDictionary<string, object?> Parameters) Render(
        string sql, IReadOnlyList<TemplateTag> tags, IReadOnlyDictionary<string, object?>? values = null)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        object? ValueOf(string name)
        {
            if (values is not null && values.TryGetValue(name, out var given) && given is not null)
            {
                return given;
            }
            var tag = tags.FirstOrDefault(t => t.Name == name);
            return tag?.Default is { } fallback ? Convert(tag, fallback) : null;
        }

        var kept = OptionalPattern().Replace(sql, clause =>
        {
            var inner = clause.Groups[1].Value;
            return TagPattern().Matches(inner).All(m => ValueOf(m.Groups[1].Value) is not null) ? inner : "";
        });
        var rendered = TagPattern().Replace(kept, m =>
        {
            var name = m.Groups[1].Value;
            parameters[name] = ValueOf(name) ?? throw new InvalidOperationException($"variable {name} has no value");
            return "@" + name;
        });
        return (rendered, parameters);
    }

    /// <summary>The SQL Metabase receives: no trailing semicolon, no trailing blank lines.</summary>
    public static string ForMetabase(string sql)
    {
        var text = sql.TrimEnd();
        return (text.EndsWith(';') ? text[..^1] : text).TrimEnd() + "\n";
    }

    private static object Convert(TemplateTag tag, JsonNode value) => tag.Type switch
    {
        "number" => decimal.Parse(value.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        "date" => DateOnly.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static List<Match> OptionalClauses(string sql) => OptionalPattern().Matches(sql).ToList();

    public static int LineAt(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\[\[(.*?)\]\]", RegexOptions.Singleline)]
    private static partial Regex OptionalPattern();
}

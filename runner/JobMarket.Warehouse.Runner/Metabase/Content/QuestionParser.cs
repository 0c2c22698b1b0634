using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// Parses a question file: a header of <c>--</c> comment lines holding YAML (name, description,
/// display, visualization_settings, template_tags), then the SQL.
/// </summary>
internal static partial class QuestionParser
{
    private static readonly string[] s_fields = ["name", "description", "display", "visualization_settings", "template_tags"];
    private static readonly string[] s_tagFields = ["type", "display_name", "default", "required"];

    public static Question Parse(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var headerLength = 0;
        while (headerLength < lines.Length && lines[headerLength].TrimStart().StartsWith("--", StringComparison.Ordinal))
        {
            headerLength++;
        }
        if (headerLength == 0)
        {
            throw new ContentException(file, 1, "header", "a question starts with a header of -- comment lines (name:, display:, ...)");
        }
        var header = string.Join('\n', lines.Take(headerLength).Select(StripComment));
        var yaml = new YamlFields(file);
        var root = YamlFields.LoadMapping(file, header, lastLine: headerLength);
        yaml.OnlyKeys(root, "", s_fields);

        var slug = Path.GetFileNameWithoutExtension(file);
        var name = yaml.RequiredString(root, "name", "");
        var description = yaml.OptionalString(root, "description", "");
        var display = yaml.RequiredString(root, "display", "");
        if (!Question.Displays.Contains(display, StringComparer.Ordinal))
        {
            throw yaml.Error(yaml.Find(root, "display")!, "display", $"unknown display '{display}'; expected one of {string.Join(", ", Question.Displays)}");
        }
        var settings = yaml.OptionalMapping(root, "visualization_settings", "") is { } settingsNode
            ? (JsonObject)YamlFields.ToJson(settingsNode)!
            : [];
        var tags = ParseTags(yaml, root);

        var sql = string.Join('\n', lines.Skip(headerLength));
        var sqlLine = headerLength + 1;
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ContentException(file, sqlLine, "sql", "the question has no SQL after its header");
        }
        CheckSql(file, sql, sqlLine, tags, root, yaml);
        return new Question(slug, file, name, description, display, settings, tags, sql.Trim() + "\n", sqlLine);
    }

    private static string StripComment(string line)
    {
        var text = line.TrimStart()[2..];
        return text.StartsWith(' ') ? text[1..] : text;
    }

    private static List<TemplateTag> ParseTags(YamlFields yaml, YamlMappingNode root)
    {
        var tags = new List<TemplateTag>();
        if (yaml.OptionalMapping(root, "template_tags", "") is not { } tagsNode)
        {
            return tags;
        }
        foreach (var (key, value) in tagsNode.Children)
        {
            var tagName = YamlFields.KeyOf(key);
            var path = $"template_tags.{tagName}";
            if (!TagName().IsMatch(tagName))
            {
                throw yaml.Error(key, path, "a variable name is letters, digits and underscores");
            }
            var tag = yaml.AsMapping(value, path);
            yaml.OnlyKeys(tag, path, s_tagFields);
            var type = yaml.RequiredString(tag, "type", path);
            if (!TemplateTag.Types.Contains(type, StringComparer.Ordinal))
            {
                throw yaml.Error(yaml.Find(tag, "type")!, $"{path}.type", $"unknown type '{type}'; expected one of {string.Join(", ", TemplateTag.Types)}");
            }
            var defaultNode = yaml.Find(tag, "default");
            var fallback = defaultNode is null ? null : YamlFields.ToJson(defaultNode);
            if (fallback is not null && !DefaultFits(type, fallback))
            {
                throw yaml.Error(defaultNode!, $"{path}.default", $"'{fallback}' is not a valid {type} value");
            }
            var displayName = yaml.OptionalString(tag, "display_name", path) ?? tagName.Replace('_', ' ');
            tags.Add(new TemplateTag(tagName, type, displayName, fallback, yaml.OptionalBool(tag, "required", path, false)));
        }
        return tags;
    }

    private static bool DefaultFits(string type, JsonNode value) => type switch
    {
        "number" => value is JsonValue && decimal.TryParse(value.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
        "date" => DateOnly.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _),
        _ => value is JsonValue,
    };

    private static void CheckSql(string file, string sql, int sqlLine, List<TemplateTag> tags, YamlMappingNode root, YamlFields yaml)
    {
        int LineOf(int offset) => sqlLine + NativeQuery.LineAt(sql, offset) - 1;

        var uses = NativeQuery.Tags(sql);
        foreach (var use in uses)
        {
            var tag = tags.FirstOrDefault(t => t.Name == use.Name)
                ?? throw new ContentException(file, LineOf(use.Offset), $"template_tags.{use.Name}",
                    $"the SQL uses {{{{{use.Name}}}}} but the header does not declare it");
            if (!use.Optional && tag.Default is null)
            {
                throw new ContentException(file, LineOf(use.Offset), $"template_tags.{use.Name}",
                    "a variable outside [[ ... ]] needs a default, or Metabase refuses to run the question without a value");
            }
        }
        foreach (var tag in tags.Where(t => uses.All(u => u.Name != t.Name)))
        {
            var tagsNode = yaml.OptionalMapping(root, "template_tags", "")!;
            var key = tagsNode.Children.Keys.First(k => YamlFields.KeyOf(k) == tag.Name);
            throw yaml.Error(key, $"template_tags.{tag.Name}", "declared but the SQL never uses it");
        }
        // The reader role sees marts and reco only; a question on another schema fails in Metabase.
        if (ForbiddenSchema().Match(sql) is { Success: true } forbidden)
        {
            throw new ContentException(file, LineOf(forbidden.Index), "sql",
                $"reads {forbidden.Value.TrimEnd('.')}, which the read-only role cannot see; use marts or reco");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex TagName();

    [GeneratedRegex(@"\b(raw|staging|core|audit|seeds|public)\.(?=[a-z_""])", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenSchema();
}

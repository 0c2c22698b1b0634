using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// Reads a YAML mapping field by field, so that every error names the file, the line (shifted by
/// <see cref="LineOffset"/> when the YAML sits inside another file) and the field's path.
/// </summary>
internal sealed class YamlFields(string file, int lineOffset = 0)
{
    public string File { get; } = file;
    public int LineOffset { get; } = lineOffset;

    /// <summary>Loads one YAML mapping; a syntax error found past <paramref name="lastLine"/> is reported on it.</summary>
    public static YamlMappingNode LoadMapping(string file, string text, int lineOffset = 0, int lastLine = int.MaxValue)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ContentException(file, Math.Min((int)ex.Start.Line + lineOffset, lastLine), "yaml", ex.InnerException?.Message ?? ex.Message);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ContentException(file, 1 + lineOffset, "yaml", "expected a mapping of fields (name: ..., ...)");
        }
        return root;
    }

    public int Line(YamlNode node) => (int)node.Start.Line + LineOffset;

    public ContentException Error(YamlNode node, string field, string problem) => new(File, Line(node), field, problem);

    /// <summary>Fails on any key outside <paramref name="allowed"/>, naming the key's line.</summary>
    public void OnlyKeys(YamlMappingNode mapping, string path, params string[] allowed)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, Join(path, name), $"unknown field; expected one of {string.Join(", ", allowed)}");
            }
        }
    }

    public YamlNode? Find(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? OptionalString(YamlMappingNode mapping, string key, string path)
    {
        var node = Find(mapping, key);
        if (node is null || IsNull(node))
        {
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, Join(path, key), "expected text");
        }
        var value = scalar.Value ?? "";
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(node, Join(path, key), "must not be blank (leave the field out instead)");
        }
        return value.Trim();
    }

    public string RequiredString(YamlMappingNode owner, string key, string path) =>
        OptionalString(owner, key, path) ?? throw Error(owner, Join(path, key), "is required");

    public int RequiredInt(YamlMappingNode owner, string key, string path, int min, int max)
    {
        var node = Find(owner, key) ?? throw Error(owner, Join(path, key), "is required");
        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, Join(path, key), "expected a whole number");
        }
        if (value < min || value > max)
        {
            throw Error(node, Join(path, key), $"expected {min} to {max}, found {value}");
        }
        return value;
    }

    public bool OptionalBool(YamlMappingNode owner, string key, string path, bool fallback)
    {
        var node = Find(owner, key);
        if (node is null)
        {
            return fallback;
        }
        return node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value)
            ? value
            : throw Error(node, Join(path, key), "expected true or false");
    }

    public YamlMappingNode? OptionalMapping(YamlMappingNode owner, string key, string path)
    {
        var node = Find(owner, key);
        return node is null || IsNull(node) ? null
            : node as YamlMappingNode ?? throw Error(node, Join(path, key), "expected a mapping (key: value lines)");
    }

    public YamlSequenceNode? OptionalSequence(YamlMappingNode owner, string key, string path)
    {
        var node = Find(owner, key);
        return node is null || IsNull(node) ? null
            : node as YamlSequenceNode ?? throw Error(node, Join(path, key), "expected a list (- item lines)");
    }

    public YamlMappingNode AsMapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? throw Error(node, path, "expected a mapping (key: value lines)");

    public static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? "";

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>YAML to JSON with YAML's plain-scalar typing (numbers, booleans, null); quoted stays text.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            kv => KeyValuePair.Create(KeyOf(kv.Key), ToJson(kv.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => null,
    };

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(bool.Parse(text));
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "" or "~" or "null" or null };
}

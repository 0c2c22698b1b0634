using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// A YAML file read with its marks, so a bad key or value is reported as <c>file:line</c>. Keys are
/// checked against what each level allows instead of being ignored.
/// </summary>
internal sealed class YamlFile
{
    private YamlFile(string file, YamlMappingNode? root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }
    public YamlMappingNode? Root { get; }

    public static YamlFile Load(string file, string fullPath)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(fullPath);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ProjectException(file, (int)ex.Start.Line, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlFile(file, null);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ProjectException(file, Line(stream.Documents[0].RootNode), "the file must be a mapping (e.g. 'version: 2')");
        }
        return new YamlFile(file, root);
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public ProjectException Error(YamlNode node, string detail) => new(File, Line(node), detail);

    /// <summary>The entries of a mapping, each key checked against <paramref name="allowed"/> (null: any key).</summary>
    public Dictionary<string, YamlNode> Mapping(YamlNode node, string what, IReadOnlyCollection<string>? allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, $"{what} must be a mapping");
        }
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((key as YamlScalarNode)?.Value) ?? throw Error(key, $"{what}: keys must be plain names");
            if (allowed is not null && !allowed.Contains(name))
            {
                throw Error(key, $"unknown key '{name}' in {what} (allowed: {string.Join(", ", allowed)})");
            }
            if (!result.TryAdd(name, value))
            {
                throw Error(key, $"key '{name}' appears twice in {what}");
            }
        }
        return result;
    }

    public IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
        node is YamlSequenceNode sequence ? sequence.Children : throw Error(node, $"{what} must be a list");

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"{what} must be a single value");

    public static string? Optional(Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    /// <summary>A YAML value as the same shapes <see cref="LiteralParser"/> produces.</summary>
    public static object? Value(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(Value).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Value(kv.Value), StringComparer.Ordinal),
        _ => null,
    };
}

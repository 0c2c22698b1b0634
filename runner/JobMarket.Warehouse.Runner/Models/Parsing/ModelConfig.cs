namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// A model's configuration after the cascade: folder defaults (<c>models/models.yml</c>), then the
/// YAML <c>config:</c> block, then <c>{{ config(..) }}</c> in the SQL; a later level wins per key.
/// </summary>
internal sealed record ModelConfig
{
    public static readonly IReadOnlyList<string> Keys =
        ["materialized", "unique_key", "indexes", "tags", "on_schema_change", "severity", "enabled", "pre_hook", "post_hook"];

    public string? Materialized { get; init; }
    public IReadOnlyList<string> UniqueKey { get; init; } = [];
    public IReadOnlyList<IndexConfig> Indexes { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string OnSchemaChange { get; init; } = "fail";
    public string Severity { get; init; } = "error";
    public bool Enabled { get; init; } = true;

    /// <summary>Statements run in the node's transaction before its SQL (e.g. <c>set local work_mem = '256MB'</c>).</summary>
    public IReadOnlyList<string> PreHook { get; init; } = [];

    /// <summary>Statements run in the node's transaction once the relation is in place, before commit.</summary>
    public IReadOnlyList<string> PostHook { get; init; } = [];

    /// <summary>Applies <paramref name="values"/> over this config; <paramref name="fail"/> reports a bad value.</summary>
    public ModelConfig With(IReadOnlyDictionary<string, object?> values, Action<string> fail)
    {
        var config = this;
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "materialized":
                    var m = value as string;
                    if (m is null || !Materialization.ForModels.Contains(m))
                    {
                        fail($"materialized must be one of {string.Join(", ", Materialization.ForModels)}, not '{value}'");
                    }
                    config = config with { Materialized = m };
                    break;
                case "unique_key":
                    config = config with { UniqueKey = Strings(key, value, fail) };
                    break;
                case "tags":
                    config = config with { Tags = [.. config.Tags.Union(Strings(key, value, fail))] };
                    break;
                case "on_schema_change":
                    if (value is not ("fail" or "append_new_columns"))
                    {
                        fail($"on_schema_change must be 'fail' or 'append_new_columns', not '{value}'");
                    }
                    config = config with { OnSchemaChange = (string)value! };
                    break;
                case "severity":
                    var s = (value as string)?.ToLowerInvariant();
                    if (s is not ("warn" or "error"))
                    {
                        fail($"severity must be 'warn' or 'error', not '{value}'");
                    }
                    config = config with { Severity = s! };
                    break;
                case "enabled":
                    config = config with { Enabled = value is true or "true" };
                    break;
                case "indexes":
                    config = config with { Indexes = ReadIndexes(value, fail) };
                    break;
                case "pre_hook":
                    config = config with { PreHook = [.. config.PreHook, .. Strings(key, value, fail)] };
                    break;
                case "post_hook":
                    config = config with { PostHook = [.. config.PostHook, .. Strings(key, value, fail)] };
                    break;
                default:
                    fail($"unknown config key '{key}' (allowed: {string.Join(", ", Keys)})");
                    break;
            }
        }
        return config;
    }

    private static List<string> Strings(string key, object? value, Action<string> fail)
    {
        switch (value)
        {
            case string one:
                return [one];
            case IEnumerable<object?> many when many.All(v => v is string):
                return [.. many.Cast<string>()];
            default:
                fail($"{key} must be a string or a list of strings");
                return [];
        }
    }

    private static List<IndexConfig> ReadIndexes(object? value, Action<string> fail)
    {
        var result = new List<IndexConfig>();
        if (value is not IEnumerable<object?> items || value is string)
        {
            fail("indexes must be a list of {'columns': [...], 'unique': true|false, 'type': 'btree|gin|gist|hash|brin'}");
            return result;
        }
        foreach (var item in items)
        {
            if (item is not IReadOnlyDictionary<string, object?> index && item is not IDictionary<string, object?>)
            {
                fail("each index must be a dict such as {'columns': ['a']}");
                continue;
            }
            var map = (IDictionary<string, object?>)item!;
            foreach (var unknown in map.Keys.Except(["columns", "unique", "type"]))
            {
                fail($"unknown index key '{unknown}' (allowed: columns, unique, type)");
            }
            var columns = map.TryGetValue("columns", out var c) ? Strings("columns", c, fail) : [];
            if (columns.Count == 0)
            {
                fail("an index needs 'columns'");
            }
            var type = map.TryGetValue("type", out var t) ? t as string : null;
            result.Add(new IndexConfig(columns, map.TryGetValue("unique", out var u) && u is true or "true", type));
        }
        return result;
    }
}

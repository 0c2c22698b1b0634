using System.Text.Json.Nodes;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Compares what provisioning sends with what Metabase returns. Metabase adds fields of its own
/// (ids, timestamps, defaults), so the desired value must be contained in the current one; scalars
/// compare by text so <c>5432</c> equals <c>"5432"</c> and null equals a missing field (pitfall 9).
/// </summary>
internal static class JsonCompare
{
    public static bool Contains(JsonNode? current, JsonNode? desired) => (current, desired) switch
    {
        (_, null) => current is null || current is JsonValue v && v.ToString().Length == 0,
        (JsonObject c, JsonObject d) => d.All(kv => Contains(c[kv.Key], kv.Value)),
        (JsonArray c, JsonArray d) => c.Count == d.Count && c.Zip(d).All(p => Contains(p.First, p.Second)),
        (JsonValue c, JsonValue d) => c.ToString() == d.ToString(),
        _ => false,
    };

    /// <summary>Exact equality, insensitive to key order, for values Metabase stores verbatim.</summary>
    public static bool Same(JsonNode? current, JsonNode? desired) => Canonical(current) == Canonical(desired);

    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.Where(kv => kv.Value is not null).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>An API list: <c>{"data":[…]}</c> from 0.40 on, a bare array before.</summary>
    public static IEnumerable<JsonObject> Items(JsonNode? response) =>
        (response is JsonObject { } o && o["data"] is JsonArray data ? data : response as JsonArray ?? [])
            .OfType<JsonObject>();
}

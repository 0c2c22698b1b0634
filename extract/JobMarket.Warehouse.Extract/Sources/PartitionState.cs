using System.Text.Json;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// A partition's position in a window, stored as <c>raw.extract_watermark.state</c>:
/// <c>{"to": window end, "next": cursor of the next page, "done": bool}</c>.
/// </summary>
public sealed record PartitionState(DateTimeOffset To, long Next, bool Done)
{
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["to"] = To.ToUniversalTime().ToString("O"),
        ["next"] = Next,
        ["done"] = Done,
    });

    public static PartitionState? TryParse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.String || !to.TryGetDateTimeOffset(out var toValue)
            || !root.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.Number || !next.TryGetInt64(out var nextValue)
            || !root.TryGetProperty("done", out var done) || done.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }
        return new PartitionState(toValue, nextValue, done.GetBoolean());
    }
}

using System.Text.Json;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>Reads the few fields a client needs to page on; the body itself lands untouched.</summary>
internal static class JsonPage
{
    /// <summary>The parsed body, or null when it is not a JSON object (HTML error page, truncated body).</summary>
    public static JsonDocument? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int ArrayLength(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.GetArrayLength()
            : 0;

    public static long? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}

using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;

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

    /// <summary>Postings in a search page: <c>results[]</c> (Adzuna, The Muse), <c>resultats[]</c> (France Travail), <c>data[]</c> or <c>data.jobs[]</c> (JSearch).</summary>
    public static int Postings(JobSource source, JsonElement root) => source switch
    {
        JobSource.Adzuna or JobSource.TheMuse => ArrayLength(root, "results"),
        JobSource.FranceTravail => ArrayLength(root, "resultats"),
        JobSource.JSearch => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ArrayLength(data, "jobs")
            : ArrayLength(root, "data"),
        _ => 0,
    };

    /// <summary>Postings in a page body; 0 when it is not a JSON object.</summary>
    public static int Postings(JobSource source, byte[] body)
    {
        using var document = TryParse(body);
        return document is null ? 0 : Postings(source, document.RootElement);
    }

    public static long? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// A plain variable of a native question (<c>{{name}}</c>): text, number or date. Field filters
/// are left out on purpose: they need field ids that exist only after a sync (pitfall 7).
/// </summary>
internal sealed record TemplateTag(string Name, string Type, string DisplayName, JsonNode? Default, bool Required)
{
    public static readonly string[] Types = ["text", "number", "date"];

    /// <summary>The card parameter type Metabase's editor gives this variable type.</summary>
    public string ParameterType => Type switch
    {
        "number" => "number/=",
        "date" => "date/single",
        _ => "category",
    };

    /// <summary>A UUID derived from the question and tag names, stable across runs so diffs stay empty.</summary>
    public static string StableId(string questionSlug, string tagName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{questionSlug}/{tagName}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}

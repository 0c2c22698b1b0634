using JobMarket.Warehouse.Extract.Http;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>What every source's options share: whether it runs, its base URL, and its HTTP policy.</summary>
public abstract class SourceOptions
{
    public bool Enabled { get; set; } = true;

    public string BaseUrl { get; set; } = "";

    public HttpPolicyOptions Http { get; set; } = new();

    /// <summary>Throws naming the section and field when a value is out of range.</summary>
    public virtual void Validate(string section)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{section}:BaseUrl must be an absolute http(s) URL (got '{BaseUrl}').");
        }
        Http.Validate($"{section}:Http");
    }

    protected static void Require(bool condition, string section, string field, string expected, object? actual)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{section}:{field} must be {expected} (got '{actual}').");
        }
    }

    /// <summary>The values of a list option, or a single "no filter" entry when empty.</summary>
    protected internal static IReadOnlyList<string?> OrAny(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (string?)v.Trim()).ToList();
        return list.Count == 0 ? [null] : list;
    }
}

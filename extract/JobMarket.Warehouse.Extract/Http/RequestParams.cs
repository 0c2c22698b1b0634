using System.Text;
using System.Text.Json;

namespace JobMarket.Warehouse.Extract.Http;

/// <summary>
/// A request's query parameters without secrets: what lands in <c>raw.*.request_params</c> and in
/// partition keys. Keys are added to the URL only at send time (<see cref="ToQuery"/>), so they never
/// reach the database or the logs.
/// </summary>
public sealed class RequestParams
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public RequestParams Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _values.Add(new(name, value));
        }
        return this;
    }

    public RequestParams Copy()
    {
        var copy = new RequestParams();
        copy._values.AddRange(_values);
        return copy;
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _values)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The query string (with a leading <c>?</c> when not empty), secrets appended last.</summary>
    public string ToQuery(params KeyValuePair<string, string>[] secrets)
    {
        var all = _values.Concat(secrets).ToList();
        return all.Count == 0 ? "" : "?" + string.Join('&', all.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>A stable, readable partition key, e.g. <c>country=fr;category=it-jobs</c>.</summary>
    public string ToKey(params string[] names) =>
        string.Join(';', _values.Where(p => names.Contains(p.Key)).Select(p => $"{p.Key}={p.Value}"));
}

using System.Net.Http.Headers;

namespace JobMarket.Warehouse.Extract.Http;

/// <summary>A completed HTTP exchange: status, headers and the body bytes, read in full.</summary>
public sealed record HttpFetch(int Status, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders, byte[] Body, DateTimeOffset FetchedAt)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : ContentHeaders is not null && ContentHeaders.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault()
        : null;

    /// <summary>The start of the body as text, for error messages (never logged with secrets: bodies hold none).</summary>
    public string BodyPreview(int length = 200)
    {
        var text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, length * 4));
        return text.Length > length ? text[..length] : text;
    }
}

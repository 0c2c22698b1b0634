using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// A thin JSON client over Metabase's REST API with its two ways to authenticate: a session id
/// (<c>X-Metabase-Session</c>) or an API key (<c>x-api-key</c>). Errors carry Metabase's message but
/// never a request body, which may hold a password.
/// </summary>
internal sealed class MetabaseClient(HttpClient http)
{
    private string? _sessionId;
    private string? _apiKey;

    public Uri? BaseAddress => http.BaseAddress;

    public void UseSession(string sessionId) => (_sessionId, _apiKey) = (sessionId, null);

    public void UseApiKey(string apiKey) => (_sessionId, _apiKey) = (null, apiKey);

    public Task<JsonNode?> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode?> PostAsync(string path, JsonNode? body, CancellationToken ct = default) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<JsonNode?> PutAsync(string path, JsonNode? body, CancellationToken ct = default) => SendAsync(HttpMethod.Put, path, body, ct);

    /// <summary>The status of <c>GET /api/health</c>, or null when nothing answers yet.</summary>
    public async Task<HttpStatusCode?> HealthAsync(CancellationToken ct = default)
    {
        try
        {
            using var response = await http.GetAsync("api/health", ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_sessionId is not null)
        {
            request.Headers.Add("X-Metabase-Session", _sessionId);
        }
        if (_apiKey is not null)
        {
            request.Headers.Add("x-api-key", _apiKey);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new WarehouseException($"Metabase {method} /{path.TrimStart('/')}: cannot connect to {http.BaseAddress} ({ex.Message})", ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new MetabaseApiException(method.Method, "/" + path.TrimStart('/'), response.StatusCode, ErrorDetail(text, response.StatusCode));
            }
            return text.Length == 0 ? null : ParseOrText(text);
        }
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>Metabase answers errors as a bare string, <c>{"message":…}</c> or <c>{"errors":{field:…}}</c>.</summary>
    internal static string ErrorDetail(string text, HttpStatusCode status)
    {
        var detail = ParseOrText(text) switch
        {
            JsonObject o when o["message"] is JsonValue m => m.ToString(),
            JsonObject o when o["errors"] is JsonObject errors => string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")),
            JsonValue v => v.ToString(),
            _ => text,
        };
        detail = detail.Trim();
        if (detail.Length == 0)
        {
            detail = status.ToString();
        }
        return detail.Length > 300 ? detail[..300] + "…" : detail;
    }
}

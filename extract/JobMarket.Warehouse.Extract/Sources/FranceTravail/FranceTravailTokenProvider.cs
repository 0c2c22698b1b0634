using System.Text.Json;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources.FranceTravail;

/// <summary>
/// OAuth2 client-credentials token for the <c>/partenaire</c> realm: cached, renewed a margin before
/// <c>expires_in</c> runs out, and dropped on demand when the API answers 401.
/// </summary>
internal sealed class FranceTravailTokenProvider(FranceTravailOptions options, string clientId, string clientSecret, ResilientHttp http, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string? _token;
    private DateTimeOffset _renewAt;

    public int Fetches { get; private set; }

    public async Task<string> GetAsync(CancellationToken ct = default)
    {
        if (_token is not null && _time.GetUtcNow() < _renewAt)
        {
            return _token;
        }
        var fetch = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", clientId),
                new("client_secret", clientSecret),
                new("scope", options.Scope),
            ]),
        }, "/connexion/oauth2/access_token", ct: ct);
        Fetches++;
        using var document = JsonPage.TryParse(fetch.Body);
        if (document is null
            || !document.RootElement.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String)
        {
            throw new SourceFailedException(JobSource.FranceTravail, "the token endpoint answered without an access_token");
        }
        var seconds = (int)(JsonPage.Number(document.RootElement, "expires_in") ?? 0);
        _token = token.GetString()!;
        _renewAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds) - options.TokenRefreshMargin;
        Log.TokenObtained(logger, seconds);
        return _token;
    }

    public void Invalidate() => _token = null;
}

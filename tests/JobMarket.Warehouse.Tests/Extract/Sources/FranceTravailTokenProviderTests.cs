using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources.FranceTravail;
using JobMarket.Warehouse.Tests.Extract.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace JobMarket.Warehouse.Tests.Extract.Sources;

public sealed class FranceTravailTokenProviderTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task GetAsync_ReusesTheTokenThenRenewsItBeforeExpiry_WhenTimePasses()
    {
        await using var api = await FakeJobApis.StartAsync();
        api.TokenExpiresIn = 300;
        var options = new FranceTravailOptions { TokenUrl = api.BaseUrl + "/ft/token", TokenRefreshMargin = TimeSpan.FromSeconds(60) };
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        var provider = new FranceTravailTokenProvider(options, FakeJobApis.FranceTravailClientId, FakeJobApis.FranceTravailClientSecret,
            new ResilientHttp(JobSource.FranceTravail, http, new HttpPolicyOptions { MaxAttempts = 1 }, NullLogger.Instance), NullLogger.Instance, clock);

        var first = await provider.GetAsync();
        clock.Now = clock.Now.AddSeconds(239);
        var stillCached = await provider.GetAsync();
        clock.Now = clock.Now.AddSeconds(2);
        var renewed = await provider.GetAsync();

        Assert.Equal(("token-1", "token-1", "token-2"), (first, stillCached, renewed));
        Assert.Equal(2, api.TokenFetches);
    }

    [Fact]
    public async Task GetAsync_StopsTheSource_WhenCredentialsAreRejected()
    {
        await using var api = await FakeJobApis.StartAsync();
        var options = new FranceTravailOptions { TokenUrl = api.BaseUrl + "/ft/token" };
        using var http = new HttpClient();
        var provider = new FranceTravailTokenProvider(options, "wrong", "wrong",
            new ResilientHttp(JobSource.FranceTravail, http, new HttpPolicyOptions { MaxAttempts = 3 }, NullLogger.Instance), NullLogger.Instance);

        var error = await Assert.ThrowsAsync<SourceFailedException>(() => provider.GetAsync());

        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("invalid_client", error.Message);
        Assert.Equal(1, api.RequestCount("/ft/token"));
    }
}

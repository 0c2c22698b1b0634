using System.Net;
using JobMarket.Warehouse.Extract.Http;

namespace JobMarket.Warehouse.Tests.Extract.Http;

public sealed class ResilientHttpTests
{
    private static HttpFetch Fetch(int status, Action<HttpResponseMessage>? headers = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        headers?.Invoke(response);
        return new HttpFetch(status, response.Headers, response.Content.Headers, [], DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RetryAfter_ReadsSecondsAndHttpDates_WhenTheHeaderIsPresent()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), ResilientHttp.RetryAfter(Fetch(429, r => r.Headers.Add("Retry-After", "7"))));
        Assert.Equal(TimeSpan.FromSeconds(30), ResilientHttp.RetryAfter(Fetch(503, r => r.Headers.Add("Retry-After", "Fri, 20 Nov 2026 10:00:30 GMT"))));
        Assert.Equal(TimeSpan.Zero, ResilientHttp.RetryAfter(Fetch(503, r => r.Headers.Add("Retry-After", "Fri, 20 Nov 2026 09:00:00 GMT"))));
        Assert.Null(ResilientHttp.RetryAfter(Fetch(429)));
    }

    [Theory]
    [InlineData(200, false, false)]
    [InlineData(206, false, false)]
    [InlineData(204, false, false)]
    [InlineData(408, true,  false)]
    [InlineData(429, true,  false)]
    [InlineData(500, true,  false)]
    [InlineData(503, true,  false)]
    [InlineData(400, false, true)]
    [InlineData(401, false, true)]
    [InlineData(403, false, true)]
    [InlineData(410, false, true)]
    public void DefaultClassify_RetriesOnlyThrottlingAndServerErrors_WhenStatusesVary(int status, bool retry, bool fail)
    {
        var decision = ResilientHttp.DefaultClassify(Fetch(status));
        Assert.Equal((retry, fail), (decision.Retry, !decision.Retry && decision.Reason is not null));
    }
}

using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Tests.Extract.Fakes;

namespace JobMarket.Warehouse.Tests.Extract.Http;

public sealed class SamplesTransportTests
{
    [Fact]
    public async Task SendAsync_ServesFranceTravailRangesWithContentRange_ThenNoContentPastTheEnd()
    {
        using var transport = new SamplesTransport(JobSource.FranceTravail, Path.Combine(FakeJobApis.FixturesFolder, "france_travail"));
        using var http = new HttpClient(transport);

        using var token = await http.PostAsync(SamplesTransport.Host + "/connexion/oauth2/access_token?realm=/partenaire", new StringContent(""));
        using var first = await http.GetAsync(SamplesTransport.Host + "/v2/offres/search?range=0-149");
        using var second = await http.GetAsync(SamplesTransport.Host + "/v2/offres/search?range=150-299");
        using var past = await http.GetAsync(SamplesTransport.Host + "/v2/offres/search?range=300-449");

        Assert.Contains("access_token", await token.Content.ReadAsStringAsync());
        Assert.Equal((206, "offres 0-1/151"), ((int)first.StatusCode, first.Content.Headers.GetValues("Content-Range").Single()));
        Assert.Equal((206, "offres 150-150/151"), ((int)second.StatusCode, second.Content.Headers.GetValues("Content-Range").Single()));
        Assert.Equal(204, (int)past.StatusCode);
    }
}

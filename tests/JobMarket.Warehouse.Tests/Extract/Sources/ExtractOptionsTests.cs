using JobMarket.Warehouse.Extract.Sources;
using Microsoft.Extensions.Configuration;

namespace JobMarket.Warehouse.Tests.Extract.Sources;

public sealed class ExtractOptionsTests
{
    [Fact]
    public void Validate_Passes_WhenTheShippedAppsettingsAreBound()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Infrastructure.RepositoryPaths.Home, "runner", "JobMarket.Warehouse.Runner", "appsettings.json"))
            .Build();

        var options = configuration.GetSection(ExtractOptions.Section).Get<ExtractOptions>()!;
        options.Validate();

        // Lists are replaced, not appended to defaults.
        Assert.Equal(["fr"], options.Adzuna.Countries);
        Assert.Equal(25, options.Adzuna.Http.RateLimitRequests);
        Assert.Equal(60, options.Adzuna.Http.RatePeriodSeconds);
        Assert.Equal(150, options.FranceTravail.PageSize);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Adzuna.Http.BaseDelay);
    }

    [Theory]
    [InlineData("Adzuna:ResultsPerPage",        "51",          "Extract:Adzuna:ResultsPerPage must be between 1 and 50 (got '51')")]
    [InlineData("Adzuna:Countries:0",           "xx",          "Extract:Adzuna:Countries must be one or more of")]
    [InlineData("FranceTravail:DepthCap",       "5000",        "Extract:FranceTravail:DepthCap must be between PageSize and 3150 (got '5000')")]
    [InlineData("JSearch:InitialDatePosted",    "yesterday",   "Extract:JSearch:InitialDatePosted must be all|today|3days|week|month (got 'yesterday')")]
    [InlineData("TheMuse:MaxPagesPerPartition", "101",         "Extract:TheMuse:MaxPagesPerPartition must be between 1 and 100 (got '101')")]
    [InlineData("TheMuse:BaseUrl",              "not-a-url",   "Extract:TheMuse:BaseUrl must be an absolute http(s) URL (got 'not-a-url')")]
    [InlineData("Adzuna:Http:MaxAttempts",      "0",           "Extract:Adzuna:Http: MaxAttempts must be between 1 and 20 (got 0)")]
    public void Validate_ThrowsNamingSectionAndField_WhenAValueIsOutOfRange(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Extract:JSearch:Queries:0", "data engineer in paris"), new($"Extract:{key}", value)])
            .Build();
        var options = configuration.GetSection(ExtractOptions.Section).Get<ExtractOptions>()!;

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.StartsWith(expected, error.Message);
    }
}

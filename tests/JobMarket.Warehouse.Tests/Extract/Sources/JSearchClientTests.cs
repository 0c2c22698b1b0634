using JobMarket.Warehouse.Extract.Sources;
using JobMarket.Warehouse.Extract.Sources.JSearch;

namespace JobMarket.Warehouse.Tests.Extract.Sources;

public sealed class JSearchClientTests
{
    [Theory]
    [InlineData(null,  "month")]
    [InlineData(0.5,   "today")]
    [InlineData(2.0,   "3days")]
    [InlineData(6.0,   "week")]
    [InlineData(20.0,  "month")]
    [InlineData(90.0,  "all")]
    public void DatePosted_IsTheNarrowestValueCoveringTheWindow_WhenTheWindowSpansDays(double? days, string expected)
    {
        var to = DateTimeOffset.Parse("2026-11-20T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var window = new ExtractWindow(days is { } d ? to.AddDays(-d) : null, to);
        Assert.Equal(expected, JSearchClient.DatePosted(window, "month"));
    }
}

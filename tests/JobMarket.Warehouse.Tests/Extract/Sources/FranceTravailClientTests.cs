using JobMarket.Warehouse.Extract.Sources.FranceTravail;

namespace JobMarket.Warehouse.Tests.Extract.Sources;

public sealed class FranceTravailClientTests
{
    [Theory]
    [InlineData("offres 0-149/496",   496)]
    [InlineData("offres 150-299/3150", 3150)]
    [InlineData("offres 0-0/1",       1)]
    [InlineData("offres 0-149/*",     null)]
    [InlineData("",                   null)]
    [InlineData(null,                 null)]
    public void ParseTotal_ReadsTheNumberAfterTheSlash_WhenContentRangeIsGiven(string? header, int? expected) =>
        Assert.Equal(expected, FranceTravailClient.ParseTotal(header));

    [Fact]
    public void All_Lists101Departements_WithCorsicaAndOverseas()
    {
        Assert.Equal(101, Departements.All.Count);
        Assert.Equal(Departements.All.Count, Departements.All.Distinct().Count());
        Assert.Contains("2A", Departements.All);
        Assert.Contains("976", Departements.All);
        Assert.DoesNotContain("20", Departements.All);
    }
}

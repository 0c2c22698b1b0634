using JobMarket.Warehouse.Runner.Cli;
using JobMarket.Warehouse.Runner.Models.Graph;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Tests.Models.Graph;

public sealed class SelectorTests
{
    private static readonly ModelProject s_project = ProjectLoader.Load(EngineHarness.FixturePath("basic"));

    // basic: region (seed), stg_app__events -> event_log, region_total (+ region) -> mart_region -> reco_region;
    // assert_totals_match tests region_total and event_log.
    [Theory]
    //          select                              exclude                 expected (sorted)
    [InlineData("region_total",                     "",                     "assert_totals_match region_total")]
    [InlineData("+region_total",                    "",                     "assert_totals_match region region_total stg_app__events")]
    [InlineData("region_total+",                    "",                     "assert_totals_match mart_region reco_region region_total")]
    [InlineData("region_total+1",                   "",                     "assert_totals_match mart_region region_total")]
    [InlineData("1+mart_region",                    "",                     "assert_totals_match mart_region region_total")]
    [InlineData("+reco_region",                     "stg_app__events",      "assert_totals_match mart_region reco_region region region_total")]
    [InlineData("path:models/marts",                "",                     "mart_region")]
    [InlineData("path:reco",                        "",                     "reco_region")]
    [InlineData("path:models/core/event_log.sql",   "",                     "assert_totals_match event_log")]
    [InlineData("resource_type:seed",               "",                     "region")]
    [InlineData("config.materialized:table",        "",                     "assert_totals_match mart_region region_total")]
    [InlineData("source:app",                       "",                     "stg_app__events")]
    [InlineData("*_region",                         "",                     "mart_region reco_region")]
    [InlineData("mart_region reco_region",          "",                     "mart_region reco_region")]
    [InlineData("path:models/core,config.materialized:incremental", "",     "assert_totals_match event_log")]
    [InlineData("",                                 "path:models/core+",    "region stg_app__events")]
    [InlineData("tag:nothing",                      "",                     "")]
    public void Select_ChoosesTheExpectedNodes(string select, string exclude, string expected)
    {
        var selection = Selector.Select(s_project, select.Length == 0 ? [] : [select], exclude.Length == 0 ? [] : [exclude]);

        Assert.Equal(expected, string.Join(" ", selection.Nodes.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Select_MarksOnlyMatchedNodesAsDirect_WhenAGraphOperatorAddsOthers()
    {
        var selection = Selector.Select(s_project, ["+mart_region"], []);

        Assert.Contains("region_total", selection.Nodes);
        Assert.Equal(["mart_region"], selection.Direct);
    }

    [Theory]
    [InlineData("no_such_model")]
    [InlineData("colour:red")]
    public void Select_IsAUsageError_WhenTheSelectorIsWrong(string select)
    {
        Assert.Throws<UsageException>(() => Selector.Select(s_project, [select], []));
    }
}

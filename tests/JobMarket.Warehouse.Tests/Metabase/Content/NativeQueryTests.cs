using System.Text.Json.Nodes;
using JobMarket.Warehouse.Runner.Metabase.Content;

namespace JobMarket.Warehouse.Tests.Metabase.Content;

public sealed class NativeQueryTests
{
    private static readonly TemplateTag[] s_tags =
    [
        new("region", "text", "Région", null, false),
        new("top", "number", "Top", JsonValue.Create(10), false),
        new("since", "date", "Since", null, false),
    ];

    [Theory]
    [InlineData("select 1 where 1 = 1 [[and r = {{region}}]]", null, "select 1 where 1 = 1 ")]
    [InlineData("select 1 where 1 = 1 [[and r = {{region}}]]", "IDF", "select 1 where 1 = 1 and r = @region")]
    [InlineData("select 1 [[and r = {{ region }}]] limit {{top}}", null, "select 1  limit @top")]
    [InlineData("select 1 [[and d >= {{since}} and r = {{region}}]]", "IDF", "select 1 ")]
    public void Render_DropsOptionalClauses_WhenAVariableHasNoValue(string sql, string? region, string expected)
    {
        var values = new Dictionary<string, object?> { ["region"] = region };

        var (rendered, parameters) = NativeQuery.Render(sql, s_tags, values);

        Assert.Equal(expected, rendered);
        Assert.All(parameters.Keys, name => Assert.Contains("@" + name, rendered));
    }

    [Fact]
    public void Render_UsesTheDefault_WhenNoValueIsGiven()
    {
        var (_, parameters) = NativeQuery.Render("select 1 limit {{top}}", s_tags);

        Assert.Equal(10m, parameters["top"]);
    }

    [Fact]
    public void ForMetabase_DropsTheTrailingSemicolon()
    {
        Assert.Equal("select 1\n", NativeQuery.ForMetabase("select 1;\n\n"));
    }
}

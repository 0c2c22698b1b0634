using JobMarket.Warehouse.Runner.Metabase.Content;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Metabase.Content;

public sealed class ContentLoaderTests
{
    private const string Question = MetabaseTestContent.ByRegion;

    [Fact]
    public void Load_AcceptsEveryFile_InTheRepository()
    {
        var content = ContentLoader.Load(RepositoryPaths.Project.Metabase);

        Assert.True(content.Questions.Count >= 12, $"{content.Questions.Count} questions");
        Assert.True(content.Dashboards.Count >= 4, $"{content.Dashboards.Count} dashboards");
        Assert.All(content.Dashboards, d => Assert.All(d.Cards, c => Assert.InRange(c.Col + c.SizeX, 1, Dashboard.GridColumns)));
    }

    [Fact]
    public void Load_ReadsTheHeader_OfAQuestion()
    {
        using var files = new MetabaseTestContent();

        var question = files.Load().Questions.Single(q => q.Slug == "postings_by_region");

        Assert.Equal("Postings by région", question.Name);
        Assert.Equal("Open postings per région.", question.Description);
        Assert.Equal("bar", question.Display);
        Assert.Equal("""{"graph.dimensions":["region_name"],"graph.metrics":["postings"]}""", question.VisualizationSettings.ToJsonString());
        var tag = Assert.Single(question.TemplateTags);
        Assert.Equal(("region", "text", "Région", false), (tag.Name, tag.Type, tag.DisplayName, tag.Required));
        Assert.Equal(11, question.SqlLine);
        Assert.StartsWith("select region_name", question.Sql);
    }

    // Each case: what to replace in the test question, then the expected line and field of the error.
    [Theory]
    [InlineData("-- display: bar", "-- display: donut", 3, "display")]
    [InlineData("-- display: bar", "-- display: bar\n-- colour: red", 4, "colour")]
    [InlineData("-- name: Postings by région\n", "", 1, "name")]
    [InlineData("-- description: Open postings per région.", "-- description: ''", 2, "description")]
    [InlineData("--     type: text", "--     type: list", 9, "template_tags.region.type")]
    [InlineData("{{region}}", "{{regoin}}", 13, "template_tags.regoin")]
    [InlineData("[[and region_name = {{region}}]]", "and region_name = {{region}}", 13, "template_tags.region")]
    [InlineData("[[and region_name = {{region}}]]", "", 8, "template_tags.region")]
    [InlineData("from marts.dim_location", "from raw.adzuna_pages", 12, "sql")]
    [InlineData("--     display_name: Région", "--     display_name: [Région", 10, "yaml")]
    public void Load_NamesFileLineAndField_WhenAQuestionIsWrong(string find, string replace, int line, string field)
    {
        using var files = new MetabaseTestContent();
        Assert.Contains(find, Question);
        files.Write("questions/postings_by_region.sql", Question.Replace(find, replace));

        var error = Assert.Throws<ContentException>(files.Load);

        Assert.Equal(Path.Combine("metabase", "questions", "postings_by_region.sql"), error.File);
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.StartsWith($"{error.File}:{line}: {field}: ", error.Message);
    }

    [Theory]
    [InlineData("question: top_skills", "question: top_skill", 20, "cards[2].question")]
    [InlineData("col: 12\n    size_x: 12", "col: 12\n    size_x: 13", 23, "cards[2].size_x")]
    [InlineData("col: 12\n    size_x: 12", "col: 6\n    size_x: 12", 20, "cards[2]")]
    [InlineData("region: region", "region: country", 19, "cards[1].filters.region")]
    [InlineData("region: region", "country: region", 19, "cards[1].filters.country")]
    [InlineData("type: string/=", "type: string/like", 6, "filters[0].type")]
    [InlineData("- text: \"## Market\"", "- text: \"## Market\"\n    question: top_skills", 8, "cards[0]")]
    [InlineData("name: Overview\n", "", 1, "name")]
    [InlineData("    size_y: 2", "    size_y: two", 12, "cards[0].size_y")]
    public void Load_NamesFileLineAndField_WhenADashboardIsWrong(string find, string replace, int line, string field)
    {
        using var files = new MetabaseTestContent();
        Assert.Contains(find, MetabaseTestContent.Overview);
        files.Write("dashboards/overview.yml", MetabaseTestContent.Overview.Replace(find, replace));

        var error = Assert.Throws<ContentException>(files.Load);

        Assert.Equal(Path.Combine("metabase", "dashboards", "overview.yml"), error.File);
        Assert.Equal((line, field), (error.Line, error.Field));
    }

    [Fact]
    public void Load_Fails_WhenTwoQuestionsShareAName()
    {
        using var files = new MetabaseTestContent();
        files.Write("questions/zz_copy.sql", Question);

        var error = Assert.Throws<ContentException>(files.Load);

        Assert.Equal("name", error.Field);
        Assert.Contains("postings_by_region.sql", error.Problem);
    }
}

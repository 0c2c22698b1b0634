using JobMarket.Warehouse.Runner.Metabase.Content;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Metabase;

/// <summary>A small metabase/ folder of test questions and a dashboard, written to a temp folder.</summary>
internal sealed class MetabaseTestContent : IDisposable
{
    public const string ByRegion = """
        -- name: Postings by région
        -- description: Open postings per région.
        -- display: bar
        -- visualization_settings:
        --   graph.dimensions: [region_name]
        --   graph.metrics: [postings]
        -- template_tags:
        --   region:
        --     type: text
        --     display_name: Région
        select region_name, count(*) as postings
        from marts.dim_location
        where 1 = 1 [[and region_name = {{region}}]]
        group by 1
        """;

    public const string TopSkills = """
        -- name: Top skills
        -- display: row
        -- template_tags:
        --   top:
        --     type: number
        --     default: 10
        select skill_name, count(*) as postings
        from marts.fct_posting_skill
        group by 1
        order by 2 desc
        limit {{top}}
        """;

    public const string Overview = """
        name: Overview
        description: Test dashboard.
        filters:
          - slug: region
            name: Région
            type: string/=
        cards:
          - text: "## Market"
            row: 0
            col: 0
            size_x: 24
            size_y: 2
          - question: postings_by_region
            row: 2
            col: 0
            size_x: 12
            size_y: 6
            filters:
              region: region
          - question: top_skills
            row: 2
            col: 12
            size_x: 12
            size_y: 6
        """;

    private readonly TempFolder _folder = new();

    public MetabaseTestContent()
    {
        Write("questions/postings_by_region.sql", ByRegion);
        Write("questions/top_skills.sql", TopSkills);
        Write("dashboards/overview.yml", Overview);
    }

    public string Folder => Path.Combine(_folder.Path, "metabase");

    public void Write(string relativePath, string text) => _folder.Write(Path.Combine("metabase", relativePath), text + "\n");

    public MetabaseContent Load() => ContentLoader.Load(Folder);

    public void Dispose() => _folder.Dispose();
}

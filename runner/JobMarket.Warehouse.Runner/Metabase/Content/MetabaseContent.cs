namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>Every question and dashboard of the project, validated.</summary>
internal sealed record MetabaseContent(IReadOnlyList<Question> Questions, IReadOnlyList<Dashboard> Dashboards);

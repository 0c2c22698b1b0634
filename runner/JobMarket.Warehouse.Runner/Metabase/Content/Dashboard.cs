namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>One <c>metabase/dashboards/*.yml</c> file.</summary>
internal sealed record Dashboard(
    string Slug,
    string File,
    string Name,
    string? Description,
    IReadOnlyList<DashboardFilter> Filters,
    IReadOnlyList<DashboardCard> Cards)
{
    /// <summary>Metabase's grid width since 0.47.</summary>
    public const int GridColumns = 24;
}

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>The spellings of <c>materialized</c>.</summary>
internal static class Materialization
{
    public const string View = "view";
    public const string Table = "table";
    public const string Incremental = "incremental";
    public const string MaterializedView = "materialized_view";
    public const string Seed = "seed";
    public const string Test = "test";

    public static readonly IReadOnlyList<string> ForModels = [View, Table, Incremental, MaterializedView];
}

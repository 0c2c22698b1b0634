namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>A relation found in <c>pg_class</c>: its oid and kind (<c>r</c> table, <c>v</c> view, <c>m</c> materialized view).</summary>
internal sealed record ExistingRelation(long Oid, char Kind, bool Populated)
{
    public string Keyword => KeywordOf(Kind);

    public static string KeywordOf(char kind) => kind switch
    {
        'v' => "view",
        'm' => "materialized view",
        _ => "table",
    };
}

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>A view or materialized view that reads a relation being replaced, saved so it can be recreated.</summary>
internal sealed record DependentView(
    string Schema,
    string Name,
    char Kind,
    int Depth,
    string Definition,
    string? Comment,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Indexes)
{
    public string Qualified => $"{Parsing.Relation.Quote(Schema)}.{Parsing.Relation.Quote(Name)}";
}

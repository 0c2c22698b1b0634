namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A raw table declared in <c>_sources.yml</c>: <c>source('adzuna', 'pages')</c> → <c>raw.adzuna_pages</c>.</summary>
internal sealed record SourceTable(
    string Source,
    string Name,
    string Schema,
    string Identifier,
    string? Description,
    string? LoadedAtField,
    FreshnessRule? Freshness,
    string File,
    int Line)
{
    public string Key => $"{Source}.{Name}";
    public Relation Relation => new(Schema, Identifier);
}

namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>One source table's freshness: <c>pass</c>, <c>warn</c>, <c>error</c> or <c>runtime error</c>.</summary>
internal sealed record FreshnessResult(string Source, string Relation, DateTimeOffset? MaxLoadedAt, TimeSpan? Age, string Status, string? Message);

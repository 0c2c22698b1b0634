namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary><c>freshness: {warn_after: {count, period}, error_after: {count, period}}</c> of a source.</summary>
internal sealed record FreshnessRule(TimeSpan? WarnAfter, TimeSpan? ErrorAfter);

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// The time window a run covers for one source: postings since <see cref="From"/> (null = the
/// source's initial depth) up to <see cref="To"/>. A run that dies keeps its window, so the rerun
/// sends the same queries.
/// </summary>
public sealed record ExtractWindow(DateTimeOffset? From, DateTimeOffset To);

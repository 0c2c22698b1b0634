namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>What the cover sheet tells the reader about the workbook.</summary>
internal sealed record CoverPage(
    string Title,
    string Description,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<KeyValuePair<string, DateTimeOffset?>> Freshness);

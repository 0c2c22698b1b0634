namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>Which page of which partition's query a page answers, and what the whole query holds that day.</summary>
/// <param name="PageIndex">0-based position of the page in its partition.</param>
/// <param name="PartitionTotal">Postings the partition's query returns that day (the APIs' totals).</param>
/// <param name="Day">The synthetic day (0-based), for what changes between fetches of the same query.</param>
internal sealed record PageRequest(string PartitionKey, int PageIndex, int PartitionTotal, int Day, DateTimeOffset FetchedAt, bool Incremental, int Seed);

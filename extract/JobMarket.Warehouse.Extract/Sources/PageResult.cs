using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>What a client read from one page: the page, its postings, and the next cursor (null = partition done).</summary>
internal sealed record PageResult(RawPage? Page, int Postings, long? Next, bool Readable = true);

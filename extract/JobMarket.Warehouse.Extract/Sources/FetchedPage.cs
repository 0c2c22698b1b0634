using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// One fetched page and the watermark that lands with it in the same transaction. <see cref="Page"/>
/// is null when the API answered "nothing" (France Travail 204): only the watermark moves.
/// </summary>
public sealed record FetchedPage(RawPage? Page, int Postings, WatermarkUpdate Watermark);

namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>
/// An incremental position to store in <c>raw.extract_watermark</c> in the same transaction as the
/// pages it covers, so a crash can never advance it past pages that did not land.
/// </summary>
public sealed record WatermarkUpdate(JobSource Source, string PartitionKey, string StateJson, DateTimeOffset? WatermarkAt);

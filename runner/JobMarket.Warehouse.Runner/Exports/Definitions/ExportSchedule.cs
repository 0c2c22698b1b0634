namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>When the scheduler runs an export: a 5-field cron expression in a time zone (IANA id).</summary>
internal sealed record ExportSchedule(string Cron, string TimeZone);

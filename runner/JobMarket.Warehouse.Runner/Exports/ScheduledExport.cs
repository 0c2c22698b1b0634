namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>An export the scheduler runs on its own cron (5 fields) in its time zone (IANA id).</summary>
internal sealed record ScheduledExport(string Name, string Title, string Cron, string TimeZone);

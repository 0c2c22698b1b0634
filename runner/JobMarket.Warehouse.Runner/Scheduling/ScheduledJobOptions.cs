namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>One entry of <c>Schedule:Jobs</c>.</summary>
internal sealed class ScheduledJobOptions
{
    public string Name { get; set; } = "";

    /// <summary>Five fields: minute hour day-of-month month day-of-week, on the wall clock of <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "";

    /// <summary>An IANA time zone (Europe/Paris, UTC).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A pipeline command: refresh, migrate, extract, build or export.</summary>
    public string Command { get; set; } = "refresh";

    /// <summary>Passed to the command's steps (e.g. the export names).</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>Overrides <see cref="ScheduleOptions.MissedRunPolicy"/> for this job.</summary>
    public MissedRunPolicy? MissedRunPolicy { get; set; }
}

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>The <c>Schedule</c> section of appsettings: the jobs <c>jobmarket schedule</c> runs.</summary>
internal sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    public List<ScheduledJobOptions> Jobs { get; set; } = [];

    public MissedRunPolicy MissedRunPolicy { get; set; } = MissedRunPolicy.RunOnce;

    /// <summary>How far back a missed occurrence is looked for; older ones are ignored.</summary>
    public TimeSpan MissedRunLookBack { get; set; } = TimeSpan.FromDays(7);
}

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>A configured job with its parsed schedule.</summary>
internal sealed record ScheduledJob(ScheduledJobOptions Options, CronSchedule Schedule)
{
    public string Name => Options.Name;

    public static ScheduledJob From(ScheduledJobOptions options) => new(options, CronSchedule.Parse(options.Cron, options.TimeZone));
}

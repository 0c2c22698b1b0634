namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>
/// The missed-run rule: the last occurrence due at or before now (within the look-back) is missed
/// when the job's latest recorded run stands for an earlier occurrence. A job with no recorded run
/// at all has never been scheduled here, so nothing was missed.
/// </summary>
internal static class MissedRun
{
    public static DateTimeOffset? Find(CronSchedule schedule, DateTimeOffset now, TimeSpan lookBack, DateTimeOffset? lastScheduledFor)
    {
        if (lastScheduledFor is not { } last)
        {
            return null;
        }
        var due = schedule.GetPreviousOccurrence(now, lookBack);
        return due is { } d && last < d ? d : null;
    }
}

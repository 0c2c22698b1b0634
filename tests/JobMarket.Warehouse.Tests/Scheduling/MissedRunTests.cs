using System.Globalization;
using JobMarket.Warehouse.Runner.Scheduling;

namespace JobMarket.Warehouse.Tests.Scheduling;

public sealed class MissedRunTests
{
    [Theory]
    //          now (UTC)               last scheduled_for (UTC)   missed occurrence (UTC) or ""
    [InlineData("2026-06-03T10:00:00Z", "2026-06-02T04:00:00Z",    "2026-06-03T04:00:00Z")] // down at 06:00 today
    [InlineData("2026-06-03T10:00:00Z", "2026-05-30T04:00:00Z",    "2026-06-03T04:00:00Z")] // several missed: one run
    [InlineData("2026-06-03T10:00:00Z", "2026-06-03T04:00:00Z",    "")]                     // today's ran
    [InlineData("2026-06-03T03:00:00Z", "2026-06-02T04:00:00Z",    "")]                     // not due yet today
    [InlineData("2026-06-03T10:00:00Z", "",                        "")]                     // never scheduled here
    [InlineData("2026-06-30T10:00:00Z", "2026-06-01T04:00:00Z",    "2026-06-30T04:00:00Z")]
    public void Find_ReturnsTheLastDueOccurrence_WhenItDidNotRun(string now, string last, string expected)
    {
        var schedule = CronSchedule.Parse("0 6 * * *", "Europe/Paris");

        var missed = MissedRun.Find(schedule, Utc(now)!.Value, TimeSpan.FromDays(7), Utc(last));

        Assert.Equal(Utc(expected), missed);
    }

    private static DateTimeOffset? Utc(string value) =>
        value.Length == 0 ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

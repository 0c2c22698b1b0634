using System.Globalization;
using JobMarket.Warehouse.Runner.Scheduling;

namespace JobMarket.Warehouse.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private const string Paris = "Europe/Paris";

    // Europe/Paris 2026: summer time starts Sun 29 March at 02:00 CET (01:00 UTC) → 03:00 CEST;
    // it ends Sun 25 October at 03:00 CEST (01:00 UTC) → 02:00 CET, so 02:00–02:59 occurs twice.
    [Theory]
    //          cron              from (UTC)              to (UTC)                expected occurrences (UTC), '|'-separated
    // ---- March: ordinary times move from +01:00 to +02:00
    [InlineData("0 6 * * *",      "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z", "2026-03-28T05:00:00Z|2026-03-29T04:00:00Z|2026-03-30T04:00:00Z")]
    [InlineData("0 1 * * *",      "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", "2026-03-29T00:00:00Z|2026-03-29T23:00:00Z")]
    // ---- March: a time inside the gap runs once, at the end of the gap (03:00 CEST = 01:00 UTC)
    [InlineData("30 2 * * *",     "2026-03-28T12:00:00Z", "2026-03-31T00:00:00Z", "2026-03-29T01:00:00Z|2026-03-30T00:30:00Z")]
    [InlineData("0 2 * * *",      "2026-03-28T12:00:00Z", "2026-03-31T00:00:00Z", "2026-03-29T01:00:00Z|2026-03-30T00:00:00Z")]
    // ---- March: several gap times and the gap's end collapse into one run
    [InlineData("*/30 * * * *",   "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z", "2026-03-29T00:00:00Z|2026-03-29T00:30:00Z|2026-03-29T01:00:00Z|2026-03-29T01:30:00Z")]
    [InlineData("0 2,3 * * *",    "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z", "2026-03-29T01:00:00Z")]
    // ---- October: a time that occurs twice runs once, at its first (summer-time) occurrence
    [InlineData("30 2 * * *",     "2026-10-24T12:00:00Z", "2026-10-27T00:00:00Z", "2026-10-25T00:30:00Z|2026-10-26T01:30:00Z")]
    [InlineData("*/30 2 * * *",   "2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z", "2026-10-25T00:00:00Z|2026-10-25T00:30:00Z")]
    [InlineData("0 6 * * *",      "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z", "2026-10-24T04:00:00Z|2026-10-25T05:00:00Z|2026-10-26T05:00:00Z")]
    // ---- October: an every-hour job runs in both 02:00 hours, keeping its real-time cadence
    [InlineData("0 * * * *",      "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z", "2026-10-25T00:00:00Z|2026-10-25T01:00:00Z|2026-10-25T02:00:00Z")]
    [InlineData("15 * * * *",     "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z", "2026-10-25T00:15:00Z|2026-10-25T01:15:00Z|2026-10-25T02:15:00Z")]
    public void GetOccurrences_FollowsTheDaylightSavingRule_InEuropeParis(string cron, string from, string to, string expected)
    {
        var schedule = CronSchedule.Parse(cron, Paris);

        var occurrences = schedule.GetOccurrences(Utc(from), Utc(to)).ToList();

        Assert.Equal(expected.Split('|').Select(Utc).ToList(), occurrences);
    }

    [Theory]
    //          cron             month   days (runs expected: one per local day, none skipped or doubled)
    [InlineData("0 2 * * *",     3,      31)]
    [InlineData("30 2 * * *",    3,      31)]
    [InlineData("59 2 * * *",    3,      31)]
    [InlineData("0 3 * * *",     3,      31)]
    [InlineData("0 2 * * *",     10,     31)]
    [InlineData("30 2 * * *",    10,     31)]
    [InlineData("0 3 * * *",     10,     31)]
    [InlineData("0 6 * * 1",     3,      5)]
    [InlineData("0 6 * * 1",     10,     4)]
    public void GetOccurrences_RunsOncePerLocalDay_AcrossTheDaylightSavingMonth(string cron, int month, int expectedRuns)
    {
        var schedule = CronSchedule.Parse(cron, Paris);
        var zone = schedule.TimeZone;
        var from = new DateTimeOffset(2026, month, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, month, 1)));
        var to = new DateTimeOffset(month == 12 ? 2027 : 2026, month % 12 + 1, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, month % 12 + 1, 1)));

        var occurrences = schedule.GetOccurrences(from, to).ToList();

        Assert.Equal(expectedRuns, occurrences.Count);
        var localDays = occurrences.Select(o => TimeZoneInfo.ConvertTime(o, zone).Date).ToList();
        Assert.Equal(localDays.Count, localDays.Distinct().Count());
        Assert.True(occurrences.Zip(occurrences.Skip(1)).All(pair => pair.First < pair.Second));
    }

    [Theory]
    //          cron              every (minutes of real time, across the October overlap)
    [InlineData("*/15 * * * *",   15)]
    [InlineData("0 * * * *",      60)]
    public void GetOccurrences_KeepsRealTimeCadence_WhenHourFieldIsWildcardAcrossOverlap(string cron, int minutes)
    {
        var schedule = CronSchedule.Parse(cron, Paris);

        var occurrences = schedule.GetOccurrences(Utc("2026-10-24T22:00:00Z"), Utc("2026-10-25T04:00:00Z")).ToList();

        Assert.All(occurrences.Zip(occurrences.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(minutes), pair.Second - pair.First));
        Assert.Equal(6 * 60 / minutes, occurrences.Count);
    }

    [Fact]
    public void GetNextOccurrence_IsStrictlyAfter_WhenGivenAnOccurrence()
    {
        var schedule = CronSchedule.Parse("0 6 * * *", Paris);

        var next = schedule.GetNextOccurrence(Utc("2026-06-01T04:00:00Z"));

        Assert.Equal(Utc("2026-06-02T04:00:00Z"), next);
    }

    [Theory]
    [InlineData("0 6 * * *",   "2026-06-03T10:00:00Z", "2026-06-03T04:00:00Z")]
    [InlineData("0 6 * * *",   "2026-06-03T04:00:00Z", "2026-06-03T04:00:00Z")]
    [InlineData("0 6 * * *",   "2026-06-03T03:59:00Z", "2026-06-02T04:00:00Z")]
    [InlineData("0 7 * * 1",   "2026-06-03T10:00:00Z", "2026-06-01T05:00:00Z")]
    public void GetPreviousOccurrence_ReturnsLatestDue_WhenWithinLookBack(string cron, string now, string expected)
    {
        var schedule = CronSchedule.Parse(cron, Paris);

        Assert.Equal(Utc(expected), schedule.GetPreviousOccurrence(Utc(now), TimeSpan.FromDays(8)));
    }

    [Theory]
    [InlineData("0 6 * *",       Paris,            "five fields")]
    [InlineData("61 6 * * *",    Paris,            "not a valid cron")]
    [InlineData("0 6 * * mon-",  Paris,            "not a valid cron")]
    [InlineData("0 6 * * *",     "Europe/Pariss",  "time zone 'Europe/Pariss' is unknown")]
    [InlineData("0 6 * * *",     "",               "timeZone is required")]
    public void TryParse_ReturnsNullWithReason_WhenCronOrTimeZoneIsInvalid(string cron, string timeZone, string reason)
    {
        var schedule = CronSchedule.TryParse(cron, timeZone, out var error);

        Assert.Null(schedule);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

using JobMarket.Warehouse.Runner.Scheduling;

namespace JobMarket.Warehouse.Tests.Scheduling;

public sealed class ScheduleOptionsValidatorTests
{
    [Fact]
    public void Validate_Succeeds_WhenJobsAreValid()
    {
        var result = new ScheduleOptionsValidator().Validate(null, Options(Job("daily", "0 6 * * *", "Europe/Paris", "refresh")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("0 25 * * *",  "Europe/Paris",  "refresh",  "job 'nightly' (Schedule:Jobs:0): cron '0 25 * * *' is not a valid cron expression")]
    [InlineData("0 6 * * *",   "Mars/Olympus",  "refresh",  "job 'nightly' (Schedule:Jobs:0): time zone 'Mars/Olympus' is unknown")]
    [InlineData("0 6 * * *",   "UTC",           "deploy",   "job 'nightly' (Schedule:Jobs:0): command 'deploy' is not one of")]
    public void Validate_FailsNamingTheJob_WhenCronTimeZoneOrCommandIsInvalid(string cron, string timeZone, string command, string expected)
    {
        var result = new ScheduleOptionsValidator().Validate(null, Options(Job("nightly", cron, timeZone, command)));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Fails_WhenTwoJobsShareAName()
    {
        var result = new ScheduleOptionsValidator().Validate(null, Options(Job("a", "0 6 * * *", "UTC", "refresh"), Job("a", "0 7 * * *", "UTC", "export")));

        Assert.Contains("job 'a' (Schedule:Jobs:1): another job has the same name", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ScheduledJobOptions Job(string name, string cron, string timeZone, string command) =>
        new() { Name = name, Cron = cron, TimeZone = timeZone, Command = command };

    private static ScheduleOptions Options(params ScheduledJobOptions[] jobs) => new() { Jobs = [.. jobs] };
}

using NCrontab;

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>
/// A five-field cron expression evaluated on the wall clock of an IANA time zone, with a fixed rule
/// for daylight-saving changes (the same as Cronos):
/// <list type="bullet">
/// <item>A local time that does not exist (the spring-forward gap, e.g. 02:30 on the last Sunday of
/// March in Europe/Paris) runs once, at the first instant after the gap (03:00 local). Several
/// occurrences inside one gap collapse into that one run.</item>
/// <item>A local time that occurs twice (the autumn overlap, e.g. 02:30 on the last Sunday of
/// October) runs once, at its first occurrence (summer time) — unless the hour field is <c>*</c>:
/// such a job runs every hour by design, so it runs in both hours and keeps its real-time cadence.</item>
/// </list>
/// NCrontab parses and enumerates wall-clock times; this type maps them to instants.
/// </summary>
internal sealed class CronSchedule
{
    // The largest daylight-saving shift in use anywhere is two hours (Antarctica/Troll); three leaves margin.
    private static readonly TimeSpan s_maxShift = TimeSpan.FromHours(3);

    private readonly CrontabSchedule _schedule;
    private readonly bool _everyHour;

    private CronSchedule(string expression, CrontabSchedule schedule, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _schedule = schedule;
        TimeZone = timeZone;
        _everyHour = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == "*";
    }

    public string Expression { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Parses the expression and resolves the IANA time zone; null with an error message when either is invalid.</summary>
    public static CronSchedule? TryParse(string? expression, string? timeZoneId, out string? error)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            error = $"cron '{expression}' must have five fields: minute hour day-of-month month day-of-week";
            return null;
        }
        var normalized = string.Join(' ', expression.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var schedule = CrontabSchedule.TryParse(normalized);
        if (schedule is null)
        {
            error = $"cron '{expression}' is not a valid cron expression";
            return null;
        }
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            error = "timeZone is required (an IANA name such as Europe/Paris, or UTC)";
            return null;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var timeZone))
        {
            error = $"time zone '{timeZoneId}' is unknown (expected an IANA name such as Europe/Paris)";
            return null;
        }
        error = null;
        return new CronSchedule(normalized, schedule, timeZone);
    }

    public static CronSchedule Parse(string expression, string timeZoneId) =>
        TryParse(expression, timeZoneId, out var error) ?? throw new FormatException(error);

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var afterUtc = after.ToUniversalTime();
        // Enumerate wall-clock candidates from a little before the local time of "after": around a
        // transition an earlier wall-clock time can map to a later instant.
        var localStart = DateTime.SpecifyKind(
            TimeZoneInfo.ConvertTimeFromUtc(afterUtc.UtcDateTime, TimeZone) - s_maxShift, DateTimeKind.Unspecified);
        DateTimeOffset? best = null;
        foreach (var candidate in _schedule.GetNextOccurrences(localStart, localStart.AddYears(5)))
        {
            var local = DateTime.SpecifyKind(candidate, DateTimeKind.Unspecified);
            // Instants of later wall-clock times are all past this bound: stop once it passes the best.
            if (best is { } found && local - s_maxShift - TimeZone.BaseUtcOffset > found.UtcDateTime)
            {
                return found;
            }
            foreach (var instant in Instants(local))
            {
                if (instant > afterUtc && (best is null || instant < best))
                {
                    best = instant;
                }
            }
        }
        if (best is { } last)
        {
            return last;
        }
        throw new InvalidOperationException($"cron '{Expression}' has no occurrence in the five years after {after:u}");
    }

    /// <summary>The last occurrence at or before <paramref name="atOrBefore"/>, looking back at most <paramref name="lookBack"/>.</summary>
    public DateTimeOffset? GetPreviousOccurrence(DateTimeOffset atOrBefore, TimeSpan lookBack)
    {
        DateTimeOffset? previous = null;
        for (var window = TimeSpan.FromHours(1); ; window *= 4)
        {
            if (window > lookBack)
            {
                window = lookBack;
            }
            for (var next = GetNextOccurrence(atOrBefore - window - TimeSpan.FromTicks(1)); next <= atOrBefore; next = GetNextOccurrence(next))
            {
                previous = next;
            }
            if (previous is not null || window >= lookBack)
            {
                return previous;
            }
        }
    }

    /// <summary>The occurrences in [from, to), in order.</summary>
    public IEnumerable<DateTimeOffset> GetOccurrences(DateTimeOffset from, DateTimeOffset to)
    {
        for (var next = GetNextOccurrence(from - TimeSpan.FromTicks(1)); next < to; next = GetNextOccurrence(next))
        {
            yield return next;
        }
    }

    /// <summary>The instants (UTC) at which one wall-clock occurrence runs, per the rule above.</summary>
    private IEnumerable<DateTimeOffset> Instants(DateTime local)
    {
        if (TimeZone.IsInvalidTime(local))
        {
            // Cron times and transitions both fall on whole minutes: the first valid minute ends the gap.
            var firstValid = local;
            while (TimeZone.IsInvalidTime(firstValid))
            {
                firstValid = firstValid.AddMinutes(1);
            }
            yield return new DateTimeOffset(firstValid, TimeZone.GetUtcOffset(firstValid)).ToUniversalTime();
            yield break;
        }
        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local).OrderByDescending(o => o).ToArray();
            // The larger offset (summer time) is the earlier instant.
            yield return new DateTimeOffset(local, offsets[0]).ToUniversalTime();
            if (_everyHour)
            {
                for (var i = 1; i < offsets.Length; i++)
                {
                    yield return new DateTimeOffset(local, offsets[i]).ToUniversalTime();
                }
            }
            yield break;
        }
        yield return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

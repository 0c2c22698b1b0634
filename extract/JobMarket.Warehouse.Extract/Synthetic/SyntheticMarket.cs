using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// The job market over the synthetic days: job <c>i</c> (0 ≤ i &lt; <see cref="SyntheticOptions.TotalJobs"/>)
/// has a plan that depends only on the seed and <c>i</c>. Jobs 0…Postings-1 are open on day 0; each later
/// day opens the next <see cref="SyntheticOptions.NewPerDay"/>; each job closes after a geometric lifetime.
/// </summary>
internal sealed class SyntheticMarket
{
    // Share of jobs per source, and how often Adzuna re-lists a France Travail offer.
    private const double FranceTravailShare = 0.47;
    private const double AdzunaShare = 0.25;
    private const double JSearchShare = 0.13;
    private const double RelistRate = 0.15;

    private readonly SyntheticOptions _options;
    private readonly DateTimeOffset _start;

    public SyntheticMarket(SyntheticOptions options)
    {
        options.Validate();
        _options = options;
        _start = new DateTimeOffset(options.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    public SyntheticOptions Options => _options;

    public DateTimeOffset DayStart(int day) => _start.AddDays(day);

    public JobPlan Plan(long index)
    {
        var seed = _options.Seed;
        var u = SyntheticRandom.Unit(SyntheticRandom.Hash(seed, index, 1));
        var source = u < FranceTravailShare ? JobSource.FranceTravail
            : u < FranceTravailShare + AdzunaShare ? JobSource.Adzuna
            : u < FranceTravailShare + AdzunaShare + JSearchShare ? JobSource.JSearch
            : JobSource.TheMuse;
        var relisted = source == JobSource.FranceTravail && SyntheticRandom.Unit(SyntheticRandom.Hash(seed, index, 2)) < RelistRate;
        var openDay = index < _options.Postings ? 0 : 1 + (int)((index - _options.Postings) / _options.NewPerDay);
        var closeDay = int.MaxValue;
        if (_options.CloseRate > 0)
        {
            var lifetime = 1 + Math.Floor(Math.Log(1 - SyntheticRandom.Unit(SyntheticRandom.Hash(seed, index, 3))) / Math.Log(1 - _options.CloseRate));
            closeDay = (int)Math.Min(int.MaxValue - 1, openDay + lifetime);
        }
        var placeIndex = Places.ForSource(source).IndexOf(SyntheticRandom.Unit(SyntheticRandom.Hash(seed, index, 4)));
        var age = SyntheticRandom.Unit(SyntheticRandom.Hash(seed, index, 5));
        var created = openDay == 0
            ? _start.AddSeconds(-(3_600 + (long)(age * 45 * 86_400)))
            : _start.AddDays(openDay).AddSeconds(-(600 + (long)(age * 18 * 3_600)));
        return new JobPlan(index, source, relisted, openDay, closeDay, placeIndex, created, (int)SyntheticRandom.Hash(seed, index, 6));
    }

    /// <summary>Whether the job is in the day's fetch: every open job on a full-scan day, only the day's new jobs otherwise.</summary>
    public bool IsListed(in JobPlan plan, int day) =>
        _options.IsFullScan(day) ? plan.IsOpenOn(day) : plan.OpenDay == day;

    /// <summary>Jobs that exist by the end of <paramref name="day"/> (the later ones open later).</summary>
    public long JobsUpTo(int day) => _options.Postings + _options.NewPerDay * day;
}

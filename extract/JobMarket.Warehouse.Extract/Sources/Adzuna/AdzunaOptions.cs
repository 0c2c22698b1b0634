using JobMarket.Warehouse.Extract.Sources;

namespace JobMarket.Warehouse.Extract.Sources.Adzuna;

/// <summary><c>Extract:Adzuna</c>: partitions are countries × categories × locations × keywords.</summary>
public sealed class AdzunaOptions : SourceOptions
{
    private static readonly string[] KnownCountries =
        ["gb", "us", "at", "au", "be", "br", "ca", "ch", "de", "es", "fr", "in", "it", "mx", "nl", "nz", "pl", "sg", "za"];

    public AdzunaOptions()
    {
        BaseUrl = "https://api.adzuna.com/v1/api";
        // Documented default limits: 25 hits per minute (and 250/day).
        Http.RateLimitRequests = 25;
        Http.RatePeriodSeconds = 60;
    }

    /// <summary>Country path segments; empty means <c>fr</c>. (Lists start empty: the configuration binder appends to them.)</summary>
    public List<string> Countries { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public List<string> Keywords { get; set; } = [];

    /// <summary><c>results_per_page</c>; 50 is the observed maximum.</summary>
    public int ResultsPerPage { get; set; } = 50;

    /// <summary>Depth guard per partition (about 1,000 ads per query are reachable).</summary>
    public int MaxPagesPerPartition { get; set; } = 20;

    /// <summary><c>max_days_old</c> of a first run (0 = no limit).</summary>
    public int InitialMaxDaysOld { get; set; } = 30;

    internal IReadOnlyList<string> EffectiveCountries => Countries.Count == 0 ? ["fr"] : Countries;

    public override void Validate(string section)
    {
        base.Validate(section);
        Require(Countries.All(c => KnownCountries.Contains(c)), section, nameof(Countries), $"one or more of {string.Join(' ', KnownCountries)}", string.Join(',', Countries));
        Require(ResultsPerPage is >= 1 and <= 50, section, nameof(ResultsPerPage), "between 1 and 50", ResultsPerPage);
        Require(MaxPagesPerPartition >= 1, section, nameof(MaxPagesPerPartition), ">= 1", MaxPagesPerPartition);
        Require(InitialMaxDaysOld >= 0, section, nameof(InitialMaxDaysOld), ">= 0", InitialMaxDaysOld);
    }
}

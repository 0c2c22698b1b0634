using JobMarket.Warehouse.Extract.Sources;

namespace JobMarket.Warehouse.Extract.Sources.TheMuse;

/// <summary><c>Extract:TheMuse</c>: partitions are categories × locations × levels.</summary>
public sealed class TheMuseOptions : SourceOptions
{
    public TheMuseOptions()
    {
        BaseUrl = "https://www.themuse.com/api/public";
        // Documented: 3,600 requests/hour with api_key; RequestsPerHourWithoutKey applies without.
        Http.RateLimitRequests = 3600;
        Http.RatePeriodSeconds = 3600;
    }

    public int RequestsPerHourWithoutKey { get; set; } = 500;

    public List<string> Categories { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public List<string> Levels { get; set; } = [];

    /// <summary>Pages per partition: page 99 is the last one the API serves (page 100 answers 400).</summary>
    public int MaxPagesPerPartition { get; set; } = 100;

    public override void Validate(string section)
    {
        base.Validate(section);
        Require(MaxPagesPerPartition is >= 1 and <= 100, section, nameof(MaxPagesPerPartition), "between 1 and 100", MaxPagesPerPartition);
        Require(RequestsPerHourWithoutKey >= 0, section, nameof(RequestsPerHourWithoutKey), ">= 0", RequestsPerHourWithoutKey);
    }
}

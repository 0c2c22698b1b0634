using JobMarket.Warehouse.Extract.Sources;

namespace JobMarket.Warehouse.Extract.Sources.JSearch;

/// <summary><c>Extract:JSearch</c>: one partition per query ("role in place").</summary>
public sealed class JSearchOptions : SourceOptions
{
    private static readonly string[] DatePostedValues = ["all", "today", "3days", "week", "month"];

    public JSearchOptions()
    {
        BaseUrl = "https://jsearch.p.rapidapi.com";
        // Paid tiers report 5 requests/s; BASIC is 200 requests a month, so keep pages few there.
        Http.RateLimitRequests = 5;
        Http.RatePeriodSeconds = 1;
    }

    /// <summary>The <c>X-RapidAPI-Host</c> header; empty when calling OpenWeb Ninja directly (<c>x-api-key</c>).</summary>
    public string RapidApiHost { get; set; } = "jsearch.p.rapidapi.com";

    /// <summary>Queries, "role in place" (starts empty: the configuration binder appends to lists).</summary>
    public List<string> Queries { get; set; } = [];
    public string Country { get; set; } = "fr";
    public string Language { get; set; } = "fr";

    /// <summary>Pages per query (the API serves pages 1 to 100, 10 jobs each).</summary>
    public int MaxPagesPerQuery { get; set; } = 10;

    /// <summary><c>date_posted</c> of a first run.</summary>
    public string InitialDatePosted { get; set; } = "month";

    public override void Validate(string section)
    {
        base.Validate(section);
        Require(Queries.Count > 0 && Queries.All(q => !string.IsNullOrWhiteSpace(q)), section, nameof(Queries), "one or more non-empty queries", string.Join(',', Queries));
        Require(Country.Length == 2, section, nameof(Country), "an ISO-2 country code", Country);
        Require(MaxPagesPerQuery is >= 1 and <= 100, section, nameof(MaxPagesPerQuery), "between 1 and 100", MaxPagesPerQuery);
        Require(DatePostedValues.Contains(InitialDatePosted), section, nameof(InitialDatePosted), string.Join('|', DatePostedValues), InitialDatePosted);
    }
}

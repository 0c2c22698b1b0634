using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// One job as its source posts it, before rendering in the source's JSON shape. The description is
/// kept as parts (intro, missions, requirements, closing lines) so each source renders it its own way:
/// plain text, bullets, HTML, or truncated.
/// </summary>
internal sealed record SyntheticJob
{
    public required JobPlan Plan { get; init; }
    public JobSource Source => Plan.Source;
    public long Index => Plan.Index;
    public required int Seed { get; init; }
    public required bool French { get; init; }
    public required Occupation Occupation { get; init; }
    public required string Title { get; init; }
    public required Company Company { get; init; }
    public required bool CompanyHidden { get; init; }
    public required Place Place { get; init; }
    public required ContractKind Contract { get; init; }
    public required int? ContractMonths { get; init; }
    public required bool FullTime { get; init; }
    public required RemotePolicy Remote { get; init; }
    public required ExperienceLevel Experience { get; init; }
    public required int ExperienceYears { get; init; }
    public required SalaryOffer? Salary { get; init; }
    public required bool SalaryPredicted { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<string> Missions { get; init; }
    public required IReadOnlyList<string> Requirements { get; init; }
    public required IReadOnlyList<string> Closing { get; init; }
    public required ContactDetails? Contact { get; init; }
    public required bool ContactInDescription { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A random stream for a format's cosmetic choices, the same for every day the job is listed.</summary>
    public Random FormatRandom(int salt) => new(Seed ^ (salt * 7919));
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>
/// Adzuna <c>/v1/api/jobs/fr/search/{page}</c>: <c>{"__CLASS__","count","mean","results":[Job]}</c>, 50 per page,
/// partitioned by région (<c>location1</c>). France Travail offers that Adzuna re-lists carry the same title,
/// company and place, a redirect to francetravail.fr and the start of the France Travail description.
/// </summary>
internal sealed class AdzunaFormat : ISyntheticFormat
{
    public JobSource Source => JobSource.Adzuna;

    public int PageSize => 50;

    public string PartitionOf(Place place) => place.RegionName is { } region ? $"location1={region}" : "location0=France";

    public void WriteItem(Utf8JsonWriter w, SyntheticJob job, DateTimeOffset fetchedAt)
    {
        var random = job.FormatRandom(12);
        var relist = job.Source == JobSource.FranceTravail;
        var id = SyntheticIds.Adzuna(job.Index);
        w.WriteStartObject();
        w.WriteString("__CLASS__", "Adzuna::API::Response::Job");
        w.WriteString("id", id);
        w.WriteString("adref", "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{{\"i\":\"{id}\",\"s\":\"{job.Seed & 0xFFFF:x4}\"}}")).TrimEnd('=') + "." + SyntheticIds.JSearch(job.Seed, job.Index)[..10]);
        var title = job.Title;
        if (!relist && random.Chance(0.15))
        {
            // Adzuna highlights the searched words in titles.
            var space = title.IndexOf(' ', StringComparison.Ordinal);
            title = space > 0 ? $"<strong>{title[..space]}</strong>{title[space..]}" : $"<strong>{title}</strong>";
        }
        w.WriteString("title", title);
        w.WriteString("description", relist
            ? DescriptionText.Truncated(FranceTravailFormat.Description(job), 480)
            : DescriptionText.Truncated(string.Join(' ', [job.Intro, .. job.Closing, .. job.Missions, .. job.Requirements]), 500));
        w.WriteString("created", JsonText.Seconds(relist ? job.CreatedAt.AddHours(random.Next(2, 30)) : job.CreatedAt));
        w.WriteString("redirect_url", relist
            ? FranceTravailFormat.DetailUrl(job)
            : $"https://www.adzuna.fr/land/ad/{id}?se={SyntheticIds.JSearch(job.Seed, job.Index)[..12]}&utm_medium=api&utm_source=synth&v=F00");

        w.WriteStartObject("company");
        w.WriteString("__CLASS__", "Adzuna::API::Response::Company");
        if (!job.CompanyHidden)
        {
            w.WriteString("display_name", relist ? job.Company.Name.ToUpperInvariant() : job.Company.Name);
            if (random.Chance(0.05))
            {
                w.WriteString("canonical_name", job.Company.ShortName);
            }
        }
        w.WriteEndObject();

        var place = job.Place;
        w.WriteStartObject("location");
        w.WriteString("__CLASS__", "Adzuna::API::Response::Location");
        w.WriteString("display_name", place.CommuneName is not null ? $"{place.City}, {place.DepartmentName}" : place.Name);
        w.WriteStartArray("area");
        w.WriteStringValue("France");
        foreach (var level in new[] { place.RegionName, place.DepartmentName, place.CommuneName })
        {
            if (level is not null)
            {
                w.WriteStringValue(level);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("category");
        w.WriteString("__CLASS__", "Adzuna::API::Response::Category");
        w.WriteString("tag", job.Occupation.AdzunaTag);
        w.WriteString("label", job.Occupation.AdzunaLabel);
        w.WriteEndObject();
        if (place.Latitude is not null && random.Chance(0.7))
        {
            w.WriteNumber("latitude", place.Latitude.Value);
            w.WriteNumber("longitude", place.Longitude!.Value);
        }

        var salary = job.Salary;
        if (salary is not null && !salary.IsAberrant)
        {
            var predicted = relist ? false : job.SalaryPredicted;
            if (predicted)
            {
                // Predicted salaries: one non-round figure, min == max.
                var value = Math.Round((salary.AnnualMin + salary.AnnualMax) / 2 + random.Next(-900, 900) + random.Next(0, 100) / 100m, 2);
                w.WriteNumber("salary_min", value);
                w.WriteNumber("salary_max", value);
            }
            else
            {
                w.WriteNumber("salary_min", salary.AnnualMin);
                w.WriteNumber("salary_max", salary.AnnualMax);
            }
            w.WriteString("salary_is_predicted", predicted ? "1" : "0");
        }
        else if (random.Chance(0.5))
        {
            w.WriteString("salary_is_predicted", "0");
        }

        var contractType = job.Contract switch
        {
            ContractKind.Permanent or ContractKind.PermanentTemporary => "permanent",
            ContractKind.FixedTerm or ContractKind.Temporary or ContractKind.Seasonal or ContractKind.Freelance => "contract",
            _ => null,
        };
        if (contractType is not null && random.Chance(0.7))
        {
            w.WriteString("contract_type", contractType);
        }
        if (random.Chance(0.65))
        {
            w.WriteString("contract_time", job.FullTime ? "full_time" : "part_time");
        }
        w.WriteEndObject();
    }

    public RawPage Page(PageRequest request, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        // The mean salary of the whole query; it moves a little from day to day.
        var mean = Math.Round(36_000m + (decimal)SyntheticRandom.Unit(SyntheticRandom.Hash(request.Seed, request.Day, SyntheticRandom.StableHash(request.PartitionKey))) * 9_000m, 2);
        var body = JsonText.Body(w =>
        {
            w.WriteStartObject();
            w.WriteString("__CLASS__", "Adzuna::API::Response::JobSearchResults");
            w.WriteNumber("count", request.PartitionTotal);
            w.WriteNumber("mean", mean);
            w.WriteRawArray("results", items);
            w.WriteEndObject();
        });
        var where = request.PartitionKey.Split('=', 2);
        var page = request.PageIndex + 1;
        var parameters = JsonText.Parameters(
            ("results_per_page", PageSize.ToString(CultureInfo.InvariantCulture)),
            ("sort_by", "date"),
            (where[0], where.Length == 2 ? where[1] : null),
            ("max_days_old", request.Incremental ? "1" : null),
            ("content-type", "application/json"));
        return new RawPage(Source, $"/v1/api/jobs/fr/search/{page}", request.PartitionKey, parameters, 200, request.FetchedAt, body);
    }
}

using System.Globalization;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>
/// JSearch <c>/search</c>: <c>{"status":"OK","request_id","parameters":{…},"data":[Job]}</c>, 10 per page,
/// partitioned by country. Salaries by year, month or hour (or null); remote flag true, false or null.
/// </summary>
internal sealed class JSearchFormat : ISyntheticFormat
{
    private static readonly string[] Publishers = ["LinkedIn", "Indeed", "Welcome to the Jungle", "Glassdoor", "HelloWork", "Jobteaser"];
    private static readonly string[] Benefits = ["health_insurance", "paid_time_off", "dental_coverage", "retirement_savings"];

    public JobSource Source => JobSource.JSearch;

    public int PageSize => 10;

    public string PartitionOf(Place place) => $"country={place.CountryCode.ToLowerInvariant()}";

    public void WriteItem(Utf8JsonWriter w, SyntheticJob job, DateTimeOffset fetchedAt)
    {
        var random = job.FormatRandom(13);
        var id = SyntheticIds.JSearch(job.Plan.DetailSeed, job.Index);
        var place = job.Place;
        var publisher = random.Chance(0.2) ? $"{job.Company.Name} Careers" : random.PickSkewed(Publishers, 1)[0];
        var applyLink = publisher.EndsWith(" Careers", StringComparison.Ordinal)
            ? $"https://careers.{job.Company.Domain}/jobs/{job.Index}"
            : $"https://www.{Names.Slug(publisher)}.com/jobs/view/{job.Index}";
        var types = job.Contract switch
        {
            ContractKind.Internship => new[] { "INTERN" },
            ContractKind.Freelance => ["CONTRACTOR"],
            _ when !job.FullTime => ["PARTTIME"],
            _ when random.Chance(0.03) => ["FULLTIME", "PARTTIME"],
            _ => ["FULLTIME"],
        };
        w.WriteStartObject();
        w.WriteString("job_id", id);
        w.WriteString("job_title", job.Title);
        w.WriteString("employer_name", job.Company.Name);
        w.WriteStringOrNull("employer_logo", random.Chance(0.5) ? $"https://logo.clearbit.com/{job.Company.Domain}" : null);
        w.WriteStringOrNull("employer_website", random.Chance(0.6) ? $"https://www.{job.Company.Domain}" : null);
        w.WriteString("job_publisher", publisher);
        // Localized text now; older payloads had the enum in the singular field.
        w.WriteString("job_employment_type", random.Chance(0.2) ? types[0] : (types[0], job.French) switch
        {
            ("INTERN", true) => "Stage",
            ("INTERN", false) => "Internship",
            ("CONTRACTOR", true) => "Prestataire",
            ("CONTRACTOR", false) => "Contractor",
            ("PARTTIME", true) => "Temps partiel",
            ("PARTTIME", false) => "Part-time",
            (_, true) => "Temps plein",
            _ => place.CountryCode == "DE" ? "Vollzeit" : "Full-time",
        });
        w.WriteStartArray("job_employment_types");
        foreach (var type in types)
        {
            w.WriteStringValue(type);
        }
        w.WriteEndArray();
        w.WriteString("job_apply_link", applyLink);
        w.WriteBoolean("job_apply_is_direct", publisher.EndsWith(" Careers", StringComparison.Ordinal));
        w.WriteStartArray("apply_options");
        w.WriteStartObject();
        w.WriteString("publisher", publisher);
        w.WriteString("apply_link", applyLink);
        w.WriteBoolean("is_direct", publisher.EndsWith(" Careers", StringComparison.Ordinal));
        w.WriteEndObject();
        w.WriteEndArray();
        var description = DescriptionText.Plain(job, "•");
        w.WriteString("job_description", random.Chance(0.1) ? description[..Math.Min(description.Length, 300)] + "..." : description);
        if (random.Chance(0.08))
        {
            w.WriteNull("job_is_remote");
        }
        else
        {
            w.WriteBoolean("job_is_remote", job.Remote == RemotePolicy.Remote);
        }
        var age = fetchedAt - job.CreatedAt;
        w.WriteString("job_posted_at", (job.French, age.TotalDays >= 1) switch
        {
            (true, true) => $"il y a {(int)age.TotalDays} jour{((int)age.TotalDays > 1 ? "s" : "")}",
            (true, false) => $"il y a {Math.Max(1, (int)age.TotalHours)} heures",
            (false, true) => $"{(int)age.TotalDays} day{((int)age.TotalDays > 1 ? "s" : "")} ago",
            _ => $"{Math.Max(1, (int)age.TotalHours)} hours ago",
        });
        var posted = new DateTimeOffset(job.CreatedAt.Year, job.CreatedAt.Month, job.CreatedAt.Day, job.CreatedAt.Hour, 0, 0, TimeSpan.Zero);
        w.WriteNumber("job_posted_at_timestamp", posted.ToUnixTimeSeconds());
        w.WriteString("job_posted_at_datetime_utc", JsonText.Milliseconds(posted));
        var locationKnown = place.CommuneName is not null && !(job.Remote == RemotePolicy.Remote && random.Chance(0.5));
        w.WriteString("job_location", locationKnown
            ? random.Chance(0.7) ? place.City : $"{place.City}, {place.RegionName}"
            : place.IsFrench ? "France" : place.CountryName);
        w.WriteStringOrNull("job_city", locationKnown ? place.City : null);
        w.WriteStringOrNull("job_state", locationKnown ? place.RegionName : null);
        w.WriteStringOrNull("job_country", locationKnown || random.Chance(0.6) ? place.CountryCode : null);
        if (locationKnown)
        {
            w.WriteNumber("job_latitude", place.Latitude!.Value);
            w.WriteNumber("job_longitude", place.Longitude!.Value);
        }
        else
        {
            w.WriteNull("job_latitude");
            w.WriteNull("job_longitude");
        }
        if (random.Chance(0.25))
        {
            w.WriteStartArray("job_benefits");
            foreach (var benefit in random.PickSkewed(Benefits, 2))
            {
                w.WriteStringValue(benefit);
            }
            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("job_benefits");
        }
        w.WriteString("job_google_link", $"https://www.google.com/search?q=jobs&ibp=htl;jobs#htidocid={Uri.EscapeDataString(id)}");
        var salary = job.Salary;
        w.WriteNull("job_salary");
        w.WriteNumberOrNull("job_min_salary", salary?.Min);
        w.WriteNumberOrNull("job_max_salary", salary?.Max);
        w.WriteStringOrNull("job_salary_period", salary?.Period switch
        {
            SalaryPeriod.Year => "YEAR",
            SalaryPeriod.Month => "MONTH",
            SalaryPeriod.Hour => "HOUR",
            _ => null,
        });
        w.WriteStartObject("job_highlights");
        if (random.Chance(0.75))
        {
            w.WriteStartArray("Qualifications");
            foreach (var requirement in job.Requirements)
            {
                w.WriteStringValue(requirement);
            }
            w.WriteEndArray();
            w.WriteStartArray("Responsibilities");
            foreach (var mission in job.Missions)
            {
                w.WriteStringValue(mission);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteString("job_onet_soc", job.Occupation.OnetSoc);
        w.WriteString("job_onet_job_zone", job.Occupation.IsTech ? "4" : job.Occupation.IsHourly ? "2" : "3");
        w.WriteEndObject();
    }

    public RawPage Page(PageRequest request, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        var country = request.PartitionKey.StartsWith("country=", StringComparison.Ordinal) ? request.PartitionKey["country=".Length..] : null;
        var query = country switch
        {
            "fr" => "emploi in france",
            "gb" => "jobs in london",
            "us" => "jobs in united states",
            "de" => "jobs in berlin",
            _ => "jobs",
        };
        var page = request.PageIndex + 1;
        var datePosted = request.Incremental ? "today" : "month";
        var body = JsonText.Body(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "OK");
            w.WriteString("request_id", RequestId(request));
            w.WriteStartObject("parameters");
            w.WriteString("query", query);
            w.WriteNumber("page", page);
            w.WriteNumber("num_pages", 1);
            w.WriteString("date_posted", datePosted);
            if (country is not null)
            {
                w.WriteString("country", country);
                w.WriteString("language", country == "fr" ? "fr" : "en");
            }
            w.WriteEndObject();
            w.WriteRawArray("data", items);
            w.WriteEndObject();
        });
        var parameters = JsonText.Parameters(
            ("query", query),
            ("page", page.ToString(CultureInfo.InvariantCulture)),
            ("num_pages", "1"),
            ("date_posted", datePosted),
            ("country", country));
        return new RawPage(Source, "/search", request.PartitionKey, parameters, 200, request.FetchedAt, body);
    }

    private static string RequestId(PageRequest request)
    {
        var a = SyntheticRandom.Hash(request.Seed, request.Day * 1_000_003L + request.PageIndex, SyntheticRandom.StableHash(request.PartitionKey));
        var b = SyntheticRandom.Mix(a);
        return new Guid((int)a, (short)(a >> 32), (short)(0x4000 | ((a >> 48) & 0x0FFF)), (byte)(0x80 | (b & 0x3F)), (byte)(b >> 8),
            (byte)(b >> 16), (byte)(b >> 24), (byte)(b >> 32), (byte)(b >> 40), (byte)(b >> 48), (byte)(b >> 56)).ToString();
    }
}

using System.Globalization;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>
/// The Muse <c>/api/public/jobs</c>: <c>{"page","page_count","items_per_page","took","timed_out","total","results","aggregations"}</c>,
/// 20 per 0-based page. HTML contents; no salary or contract; remote as the "Flexible / Remote" location.
/// </summary>
internal sealed class TheMuseFormat : ISyntheticFormat
{
    public JobSource Source => JobSource.TheMuse;

    public int PageSize => 20;

    public string PartitionOf(Place place) => "descending=true";

    public static string LocationName(Place place) => place.CountryCode switch
    {
        "FR" => $"{place.City ?? place.Name}, France",
        "US" => $"{place.CommuneName}, {(place.RegionName switch { "New York" => "NY", "California" => "CA", "Massachusetts" => "MA", _ => place.RegionName })}",
        _ => $"{place.CommuneName}, {place.CountryName}",
    };

    public void WriteItem(Utf8JsonWriter w, SyntheticJob job, DateTimeOffset fetchedAt)
    {
        var random = job.FormatRandom(14);
        var id = SyntheticIds.TheMuse(job.Index);
        var shortName = $"{Names.Slug(job.Title)}-{(uint)job.Seed % 0xFFFFFF:x6}";
        w.WriteStartObject();
        w.WriteString("contents", DescriptionText.Html(job));
        w.WriteString("name", job.Title);
        w.WriteString("type", "external");
        w.WriteString("publication_date", random.Chance(0.3)
            ? job.CreatedAt.AddTicks(random.Next(0, 10_000_000)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
            : JsonText.Seconds(job.CreatedAt));
        w.WriteString("short_name", shortName);
        w.WriteString("model_type", "jobs");
        w.WriteNumber("id", id);
        w.WriteStartArray("locations");
        if (job.Remote != RemotePolicy.Remote || random.Chance(0.4))
        {
            w.WriteStartObject();
            w.WriteString("name", LocationName(job.Place));
            w.WriteEndObject();
        }
        if (job.Remote == RemotePolicy.Remote)
        {
            w.WriteStartObject();
            w.WriteString("name", "Flexible / Remote");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("categories");
        if (random.Chance(0.95))
        {
            w.WriteStartObject();
            w.WriteString("name", job.Occupation.MuseCategory);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var (level, levelShort) = job.Contract == ContractKind.Internship ? ("Internship", "internship") : job.Experience switch
        {
            ExperienceLevel.Entry => ("Entry Level", "entry"),
            ExperienceLevel.Mid => ("Mid Level", "mid"),
            ExperienceLevel.Senior => ("Senior Level", "senior"),
            _ => ("Management", "management"),
        };
        w.WriteStartArray("levels");
        w.WriteStartObject();
        w.WriteString("name", level);
        w.WriteString("short_name", levelShort);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteStartObject("refs");
        w.WriteString("landing_page", $"https://www.themuse.com/jobs/{job.Company.ShortName}/{shortName}");
        w.WriteEndObject();
        w.WriteStartObject("company");
        w.WriteNumber("id", 10_000 + job.Company.Id);
        w.WriteString("short_name", job.Company.ShortName);
        w.WriteString("name", job.Company.Name);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public RawPage Page(PageRequest request, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        var took = 8 + (int)(SyntheticRandom.Unit(SyntheticRandom.Hash(request.Seed, request.Day * 1_000_003L + request.PageIndex, 77)) * 90);
        var body = JsonText.Body(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("page", request.PageIndex);
            // No date filter: an incremental run reads the newest pages and stops before the older
            // ones, so the listing it sees is longer than what it fetched
            var older = request.Incremental ? PageSize : 0;
            w.WriteNumber("page_count", (request.PartitionTotal + older + PageSize - 1) / PageSize);
            w.WriteNumber("items_per_page", PageSize);
            w.WriteNumber("took", took);
            w.WriteBoolean("timed_out", false);
            w.WriteNumber("total", request.PartitionTotal + older);
            w.WriteRawArray("results", items);
            w.WriteStartObject("aggregations");
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var parameters = JsonText.Parameters(("page", request.PageIndex.ToString(CultureInfo.InvariantCulture)), ("descending", "true"));
        return new RawPage(Source, "/api/public/jobs", request.PartitionKey, parameters, 200, request.FetchedAt, body);
    }
}

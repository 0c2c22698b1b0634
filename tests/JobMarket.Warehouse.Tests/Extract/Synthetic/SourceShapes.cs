using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Tests.Extract.Synthetic;

/// <summary>
/// The search-endpoint shapes documented in the job-API reference: required fields, their JSON types and
/// nesting, per source. Returns the page's postings so callers can look further.
/// </summary>
internal static class SourceShapes
{
    public static IReadOnlyList<JsonElement> AssertPage(JobSource source, JsonElement page, string where) => source switch
    {
        JobSource.Adzuna => Adzuna(page, where),
        JobSource.FranceTravail => FranceTravail(page, where),
        JobSource.JSearch => JSearch(page, where),
        _ => TheMuse(page, where),
    };

    public static string ItemsProperty(JobSource source) => source switch
    {
        JobSource.Adzuna => "results",
        JobSource.FranceTravail => "resultats",
        JobSource.JSearch => "data",
        _ => "results",
    };

    private static List<JsonElement> Adzuna(JsonElement page, string where)
    {
        Kind(page, "__CLASS__", JsonValueKind.String, where);
        Kind(page, "count", JsonValueKind.Number, where);
        Kind(page, "mean", JsonValueKind.Number, where);
        var items = Items(page, "results", where);
        foreach (var job in items)
        {
            var at = $"{where} job {job.GetProperty("id")}";
            Kind(job, "__CLASS__", JsonValueKind.String, at);
            foreach (var name in new[] { "id", "adref", "title", "description", "created", "redirect_url" })
            {
                Kind(job, name, JsonValueKind.String, at);
            }
            Assert.True(long.TryParse(job.GetProperty("id").GetString(), out _), $"{at}: id is a numeric string");
            Assert.True(DateTimeOffset.TryParse(job.GetProperty("created").GetString(), out _), $"{at}: created is ISO");
            Assert.True(job.GetProperty("description").GetString()!.Length <= 501, $"{at}: description is truncated to ~500 chars");
            Kind(job.GetProperty("company"), "__CLASS__", JsonValueKind.String, at);
            var location = job.GetProperty("location");
            Kind(location, "display_name", JsonValueKind.String, at);
            Kind(location, "area", JsonValueKind.Array, at);
            Assert.Equal("France", location.GetProperty("area")[0].GetString());
            Kind(job.GetProperty("category"), "tag", JsonValueKind.String, at);
            Kind(job.GetProperty("category"), "label", JsonValueKind.String, at);
            if (job.TryGetProperty("salary_min", out var min))
            {
                Assert.Equal(JsonValueKind.Number, min.ValueKind);
                Assert.True(job.GetProperty("salary_max").GetDecimal() >= min.GetDecimal(), $"{at}: salary_max >= salary_min");
                Assert.Contains(job.GetProperty("salary_is_predicted").GetString(), new[] { "0", "1" });
            }
            Optional(job, "contract_type", "permanent", "contract");
            Optional(job, "contract_time", "full_time", "part_time");
        }
        return items;
    }

    private static List<JsonElement> FranceTravail(JsonElement page, string where)
    {
        var items = Items(page, "resultats", where);
        foreach (var filter in page.GetProperty("filtresPossibles").EnumerateArray())
        {
            Kind(filter, "filtre", JsonValueKind.String, where);
            foreach (var value in filter.GetProperty("agregation").EnumerateArray())
            {
                Kind(value, "valeurPossible", JsonValueKind.String, where);
                Kind(value, "nbResultats", JsonValueKind.Number, where);
            }
        }
        foreach (var offer in items)
        {
            var at = $"{where} offer {offer.GetProperty("id")}";
            foreach (var name in new[] { "id", "intitule", "description", "dateCreation", "dateActualisation", "romeCode", "romeLibelle", "appellationlibelle", "typeContrat", "typeContratLibelle", "natureContrat", "experienceExige", "experienceLibelle", "qualificationCode" })
            {
                Kind(offer, name, JsonValueKind.String, at);
            }
            Assert.Matches("^[0-9]{3}[0-9A-Z]{4}$", offer.GetProperty("id").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", offer.GetProperty("dateCreation").GetString());
            var place = offer.GetProperty("lieuTravail");
            Kind(place, "libelle", JsonValueKind.String, at);
            if (place.TryGetProperty("commune", out var commune))
            {
                Assert.Matches("^([0-9]{5}|2[AB][0-9]{3})$", commune.GetString());
                Kind(place, "codePostal", JsonValueKind.String, at);
                Kind(place, "latitude", JsonValueKind.Number, at);
            }
            Kind(offer, "entreprise", JsonValueKind.Object, at);
            Kind(offer, "salaire", JsonValueKind.Object, at);
            if (offer.GetProperty("salaire").TryGetProperty("libelle", out var salary))
            {
                Assert.Matches(@"^(Annuel|Mensuel|Horaire) de [0-9]+(\.[0-9]+)? Euros( à [0-9]+(\.[0-9]+)? Euros)? sur [0-9.]+ (mois|heures)$", salary.GetString());
            }
            Kind(offer, "alternance", JsonValueKind.True, at, JsonValueKind.False);
            Kind(offer, "competences", JsonValueKind.Array, at);
            Kind(offer.GetProperty("origineOffre"), "origine", JsonValueKind.String, at);
            Kind(offer, "nombrePostes", JsonValueKind.Number, at);
        }
        return items;
    }

    private static List<JsonElement> JSearch(JsonElement page, string where)
    {
        Assert.Equal("OK", page.GetProperty("status").GetString());
        Assert.True(Guid.TryParse(page.GetProperty("request_id").GetString(), out _), $"{where}: request_id is a uuid");
        Kind(page.GetProperty("parameters"), "query", JsonValueKind.String, where);
        Kind(page.GetProperty("parameters"), "page", JsonValueKind.Number, where);
        var items = Items(page, "data", where);
        Assert.True(items.Count <= 10, $"{where}: at most 10 jobs per page");
        foreach (var job in items)
        {
            var at = $"{where} job {job.GetProperty("job_id")}";
            foreach (var name in new[] { "job_id", "job_title", "employer_name", "job_publisher", "job_employment_type", "job_apply_link", "job_description", "job_posted_at_datetime_utc", "job_google_link", "job_onet_soc" })
            {
                Kind(job, name, JsonValueKind.String, at);
            }
            Assert.Matches(@"^[A-Za-z0-9_-]{22}==$", job.GetProperty("job_id").GetString());
            foreach (var type in job.GetProperty("job_employment_types").EnumerateArray())
            {
                Assert.Contains(type.GetString(), new[] { "FULLTIME", "PARTTIME", "CONTRACTOR", "INTERN" });
            }
            Kind(job, "job_is_remote", JsonValueKind.True, at, JsonValueKind.False, JsonValueKind.Null);
            Kind(job, "job_posted_at_timestamp", JsonValueKind.Number, at);
            Kind(job, "job_city", JsonValueKind.String, at, JsonValueKind.Null);
            Kind(job, "job_country", JsonValueKind.String, at, JsonValueKind.Null);
            Kind(job, "job_min_salary", JsonValueKind.Number, at, JsonValueKind.Null);
            Kind(job, "job_max_salary", JsonValueKind.Number, at, JsonValueKind.Null);
            Kind(job, "job_salary_period", JsonValueKind.String, at, JsonValueKind.Null);
            if (job.GetProperty("job_salary_period").ValueKind == JsonValueKind.String)
            {
                Assert.Contains(job.GetProperty("job_salary_period").GetString(), new[] { "YEAR", "MONTH", "HOUR" });
                Assert.Equal(JsonValueKind.Number, job.GetProperty("job_min_salary").ValueKind);
            }
            Kind(job, "job_highlights", JsonValueKind.Object, at);
            Kind(job, "apply_options", JsonValueKind.Array, at);
        }
        return items;
    }

    private static List<JsonElement> TheMuse(JsonElement page, string where)
    {
        foreach (var name in new[] { "page", "page_count", "items_per_page", "took", "total" })
        {
            Kind(page, name, JsonValueKind.Number, where);
        }
        Assert.Equal(20, page.GetProperty("items_per_page").GetInt32());
        Kind(page, "timed_out", JsonValueKind.False, where);
        Kind(page, "aggregations", JsonValueKind.Object, where);
        var items = Items(page, "results", where);
        foreach (var job in items)
        {
            var at = $"{where} job {job.GetProperty("id")}";
            Kind(job, "id", JsonValueKind.Number, at);
            foreach (var name in new[] { "contents", "name", "type", "publication_date", "short_name", "model_type" })
            {
                Kind(job, name, JsonValueKind.String, at);
            }
            Assert.StartsWith("<", job.GetProperty("contents").GetString());
            foreach (var name in new[] { "locations", "categories", "levels", "tags" })
            {
                Kind(job, name, JsonValueKind.Array, at);
            }
            Kind(job.GetProperty("refs"), "landing_page", JsonValueKind.String, at);
            Kind(job.GetProperty("company"), "id", JsonValueKind.Number, at);
            Kind(job.GetProperty("company"), "name", JsonValueKind.String, at);
            Assert.False(job.TryGetProperty("salary", out _), $"{at}: The Muse has no salary");
        }
        return items;
    }

    private static List<JsonElement> Items(JsonElement page, string name, string where)
    {
        Kind(page, name, JsonValueKind.Array, where);
        return page.GetProperty(name).EnumerateArray().ToList();
    }

    private static void Kind(JsonElement element, string name, JsonValueKind expected, string where, params JsonValueKind[] alternatives)
    {
        Assert.True(element.TryGetProperty(name, out var value), $"{where}: missing '{name}'");
        Assert.True(value.ValueKind == expected || alternatives.Contains(value.ValueKind),
            $"{where}: '{name}' is {value.ValueKind}, expected {string.Join(" or ", alternatives.Prepend(expected))}");
    }

    private static void Optional(JsonElement element, string name, params string[] values)
    {
        if (element.TryGetProperty(name, out var value))
        {
            Assert.Contains(value.GetString(), values);
        }
    }
}

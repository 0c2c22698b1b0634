using System.Text.Json;
using System.Text.RegularExpressions;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Extract.Synthetic;

/// <summary>The committed samples under <c>extract/samples</c>: layout, shapes, and the variety real feeds have.</summary>
public sealed partial class SampleSetWriterTests
{
    private static readonly string Samples = RepositoryPaths.Project.Samples;

    private static readonly Lazy<Dictionary<JobSource, List<JsonElement>>> Postings = new(Load);

    private static Dictionary<JobSource, List<JsonElement>> Load()
    {
        var bySource = new Dictionary<JobSource, List<JsonElement>>();
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var items = new List<JsonElement>();
            foreach (var file in Directory.GetFiles(Path.Combine(Samples, source.CliName()), "page-*.json").Order(StringComparer.Ordinal))
            {
                var page = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
                items.AddRange(SourceShapes.AssertPage(source, page, Path.GetRelativePath(RepositoryPaths.Home, file)));
            }
            bySource[source] = items;
        }
        return bySource;
    }

    private static List<JsonElement> Of(JobSource source) => Postings.Value[source];

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ValueKind == JsonValueKind.Null ? null : element.ToString();
    }

    [Fact]
    public void Write_ReproducesTheCommittedSamples_WhenRunWithTheSampleOptions()
    {
        using var folder = new TempFolder();
        var counts = SampleSetWriter.Write(folder.Path);

        foreach (var source in Enum.GetValues<JobSource>())
        {
            var committed = Directory.GetFiles(Path.Combine(Samples, source.CliName()), "page-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var generated = Directory.GetFiles(Path.Combine(folder.Path, source.CliName()), "page-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(generated, committed);
            Assert.Equal(Enumerable.Range(1, committed.Count).Select(n => $"page-{n:0000}.json"), committed);
            Assert.Equal(counts[source].Pages, committed.Count);
            foreach (var name in committed)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(Samples, source.CliName(), name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, source.CliName(), name!))),
                    $"extract/samples/{source.CliName()}/{name} differs from the generator: run 'jobmarket synth --samples' and commit");
            }
        }
    }

    [Fact]
    public void Samples_HoldAtLeast2000PostingsInFullPages_WhenLoaded()
    {
        Assert.True(Postings.Value.Values.Sum(v => v.Count) >= 2000);
        Assert.InRange(Of(JobSource.FranceTravail).Count, 800, 1100);
        Assert.InRange(Of(JobSource.Adzuna).Count, 500, 750);
        Assert.InRange(Of(JobSource.JSearch).Count, 200, 320);
        Assert.InRange(Of(JobSource.TheMuse).Count, 240, 360);
        var total = Directory.GetFiles(Samples, "page-*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(total < 15 * 1024 * 1024, $"samples take {total} bytes");
    }

    [Fact]
    public void Samples_HaveEverySalaryForm_WhenLoaded()
    {
        var ft = Of(JobSource.FranceTravail).Select(o => Text(o, "salaire", "libelle")).ToList();
        Assert.Contains(ft, s => s is not null && AnnualRange().IsMatch(s));
        Assert.Contains(ft, s => s is not null && s.StartsWith("Mensuel de ", StringComparison.Ordinal) && s.EndsWith(" mois", StringComparison.Ordinal));
        Assert.Contains(ft, s => s is not null && s.StartsWith("Horaire de ", StringComparison.Ordinal) && s.EndsWith("sur 151.67 heures", StringComparison.Ordinal));
        Assert.Contains(ft, s => s is null);
        Assert.Contains(Of(JobSource.FranceTravail), o => Text(o, "salaire", "commentaire") is not null);

        var adzuna = Of(JobSource.Adzuna);
        Assert.Contains(adzuna, j => Text(j, "salary_is_predicted") == "1" && Text(j, "salary_min") == Text(j, "salary_max"));
        Assert.Contains(adzuna, j => Text(j, "salary_is_predicted") == "0" && j.TryGetProperty("salary_min", out _));
        Assert.Contains(adzuna, j => !j.TryGetProperty("salary_min", out _));

        var periods = Of(JobSource.JSearch).Select(j => Text(j, "job_salary_period")).ToHashSet();
        Has(periods, new HashSet<string?> { "YEAR", "MONTH", "HOUR", null });
        Assert.Equal(4, periods.Count);
        Assert.Contains(Of(JobSource.JSearch), j => Text(j, "job_min_salary") is not null && Text(j, "job_max_salary") is null);
    }

    [Fact]
    public void Samples_HaveEveryContractType_WhenLoaded()
    {
        var ft = Of(JobSource.FranceTravail);
        Has(ft.Select(o => Text(o, "typeContrat")).ToHashSet(), new HashSet<string?> { "CDI", "CDD", "MIS", "SAI", "LIB" });
        Assert.Contains(ft, o => Text(o, "natureContrat") == "Contrat apprentissage" && o.GetProperty("alternance").GetBoolean());
        Assert.Contains(ft, o => Text(o, "dureeTravailLibelleConverti") == "Temps partiel");
        var adzuna = Of(JobSource.Adzuna);
        Has(adzuna.Select(j => Text(j, "contract_type")).ToHashSet(), new HashSet<string?> { "permanent", "contract", null });
        Has(adzuna.Select(j => Text(j, "contract_time")).ToHashSet(), new HashSet<string?> { "full_time", "part_time", null });
        Assert.Contains(adzuna, j => Text(j, "title")!.StartsWith("Stage", StringComparison.Ordinal));
        var types = Of(JobSource.JSearch).SelectMany(j => j.GetProperty("job_employment_types").EnumerateArray().Select(t => t.GetString())).ToHashSet();
        Has(types, new HashSet<string?> { "FULLTIME", "PARTTIME", "CONTRACTOR", "INTERN" });
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("levels")[0].GetProperty("name").GetString() == "Internship");
    }

    [Fact]
    public void Samples_RelistFranceTravailOffersOnAdzuna_WhenLoaded()
    {
        var offers = Of(JobSource.FranceTravail).ToDictionary(o => Text(o, "id")!);
        var relists = Of(JobSource.Adzuna).Where(j => Text(j, "redirect_url")!.Contains("francetravail.fr", StringComparison.Ordinal)).ToList();

        Assert.InRange(relists.Count, offers.Count * 0.10, offers.Count * 0.20);
        foreach (var relist in relists)
        {
            var id = Text(relist, "redirect_url")!.Split('/')[^1];
            Assert.True(offers.TryGetValue(id, out var offer), $"Adzuna {Text(relist, "id")} re-lists {id}, which is not in the France Travail samples");
            Assert.Equal(Text(offer, "intitule"), Text(relist, "title"));
            Assert.Equal(Text(offer, "entreprise", "nom"), Text(relist, "company", "display_name"));
            var prefix = Text(relist, "description")!.TrimEnd('…');
            Assert.StartsWith(prefix[..Math.Min(prefix.Length, 60)], Text(offer, "description")!.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' '));
            var area = relist.GetProperty("location").GetProperty("area").EnumerateArray().Select(a => a.GetString()).ToList();
            var libelle = Text(offer, "lieuTravail", "libelle")!;
            Assert.Contains(area[^1]!, libelle);
        }
    }

    [Fact]
    public void Samples_HaveRemoteAndOnSitePostings_WhenLoaded()
    {
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("job_is_remote").ValueKind == JsonValueKind.True);
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("job_is_remote").ValueKind == JsonValueKind.False);
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("job_is_remote").ValueKind == JsonValueKind.Null);
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("locations").EnumerateArray().Any(l => Text(l, "name") == "Flexible / Remote"));
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("locations").EnumerateArray().All(l => Text(l, "name") != "Flexible / Remote"));
        Assert.Contains(Of(JobSource.FranceTravail), o => Text(o, "description")!.Contains("Télétravail", StringComparison.Ordinal));
        Assert.Contains(Of(JobSource.FranceTravail), o => !Text(o, "description")!.Contains("élétravail", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_HaveLocationsFromCommuneToCountry_WhenLoaded()
    {
        var places = Of(JobSource.FranceTravail).Select(o => o.GetProperty("lieuTravail")).ToList();
        var libelles = places.Select(p => Text(p, "libelle")!).ToList();
        Assert.Contains(places, p => Text(p, "commune") is not null);
        Assert.Contains(libelles, l => l == "France");
        Assert.Contains(libelles, l => Regex.IsMatch(l, "^[0-9]{2} - ") && !places.Any(p => Text(p, "libelle") == l && Text(p, "commune") is not null));
        Assert.Contains(places, p => Text(p, "commune") is null && !Text(p, "libelle")!.Contains(" - ", StringComparison.Ordinal) && Text(p, "libelle") != "France");
        Assert.Contains(libelles, l => l.StartsWith("2A - ", StringComparison.Ordinal));
        Assert.Contains(libelles, l => l.StartsWith("2B - ", StringComparison.Ordinal));
        var overseas = libelles.Where(l => Regex.IsMatch(l, "^97[1-6] - ")).Select(l => l[..3]).ToHashSet();
        Assert.True(overseas.Count >= 3, $"overseas départements: {string.Join(", ", overseas)}");
        Assert.Contains(Of(JobSource.Adzuna), j => j.GetProperty("location").GetProperty("area").GetArrayLength() == 1);
        var countries = Of(JobSource.JSearch).Select(j => Text(j, "job_country")).ToHashSet();
        Has(countries, new HashSet<string?> { "FR", "GB", "US", "DE" });
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("locations").EnumerateArray().Any(l => Text(l, "name") == "London, United Kingdom"));
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("locations").EnumerateArray().Any(l => Text(l, "name") == "New York, NY"));
    }

    [Fact]
    public void Samples_HaveMissingAndNullFields_WhenLoaded()
    {
        Assert.Contains(Of(JobSource.Adzuna), j => !j.GetProperty("company").TryGetProperty("display_name", out _));
        Assert.Contains(Of(JobSource.Adzuna), j => !j.TryGetProperty("latitude", out _));
        Assert.Contains(Of(JobSource.FranceTravail), o => !o.GetProperty("entreprise").TryGetProperty("nom", out _));
        Assert.Contains(Of(JobSource.FranceTravail), o => !o.GetProperty("lieuTravail").TryGetProperty("commune", out _));
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("job_city").ValueKind == JsonValueKind.Null);
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("employer_logo").ValueKind == JsonValueKind.Null);
        Assert.Contains(Of(JobSource.JSearch), j => j.GetProperty("job_highlights").EnumerateObject().Any() == false);
        Assert.Contains(Of(JobSource.TheMuse), j => j.GetProperty("categories").GetArrayLength() == 0);
    }

    [Fact]
    public void Samples_HaveHtmlContactDetailsAndBothLanguages_WhenLoaded()
    {
        Assert.All(Of(JobSource.TheMuse), j => Assert.Contains("<p>", Text(j, "contents")!));
        Assert.Contains(Of(JobSource.TheMuse), j => Text(j, "contents")!.Contains("mailto:", StringComparison.Ordinal));
        Assert.Contains(Of(JobSource.Adzuna), j => Text(j, "title")!.Contains("<strong>", StringComparison.Ordinal));
        var descriptions = Of(JobSource.FranceTravail).Select(o => Text(o, "description")!)
            .Concat(Of(JobSource.Adzuna).Select(j => Text(j, "description")!))
            .Concat(Of(JobSource.JSearch).Select(j => Text(j, "job_description")!)).ToList();
        Assert.Contains(descriptions, d => Email().IsMatch(d));
        Assert.Contains(descriptions, d => FrenchPhone().IsMatch(d));
        Assert.Contains(Of(JobSource.FranceTravail), o => Text(o, "contact", "courriel") is { } mail && Email().IsMatch(mail) && Text(o, "contact", "telephone") is not null);
        Assert.Contains(Of(JobSource.JSearch), j => Text(j, "job_description")!.Contains("Vos missions", StringComparison.Ordinal));
        Assert.Contains(Of(JobSource.JSearch), j => Text(j, "job_description")!.Contains("Responsibilities", StringComparison.Ordinal));
        Assert.Contains(Of(JobSource.Adzuna), j => Text(j, "description")!.Contains(" is hiring ", StringComparison.Ordinal) || Text(j, "description")!.Contains("Join ", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_MentionSkillsInFrenchAndEnglish_WhenLoaded()
    {
        var text = string.Join('\n', Of(JobSource.FranceTravail).Select(o => Text(o, "description"))
            .Concat(Of(JobSource.JSearch).Select(j => Text(j, "job_description")))
            .Concat(Of(JobSource.TheMuse).Select(j => Text(j, "contents"))));
        foreach (var skill in new[] { "Python", "SQL", "Spark", "dbt", "Airflow", "Power BI", "Tableau", "AWS", "Azure", "GCP", "Kubernetes", "Docker", "communication", "anglais", "English", "gestion de projet" })
        {
            Assert.Contains(skill, text);
        }
        foreach (var rome in new[] { "M1805", "M1811", "M1403", "J1506", "N1103", "D1402" })
        {
            Assert.Contains(Of(JobSource.FranceTravail), o => Text(o, "romeCode") == rome);
        }
    }

    private static void Has(IEnumerable<string?> actual, HashSet<string?> required)
    {
        var present = actual.ToHashSet();
        Assert.True(present.IsSupersetOf(required), $"missing: {string.Join(", ", required.Except(present).Select(v => v ?? "(null/absent)"))}");
    }

    [GeneratedRegex(@"^Annuel de \d+(\.\d+)? Euros à \d+(\.\d+)? Euros sur \d+(\.0)? mois$")]
    private static partial Regex AnnualRange();

    [GeneratedRegex(@"[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+33 ?6|0[67])[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}|0\d\.\d{2}\.\d{2}\.\d{2}\.\d{2}")]
    private static partial Regex FrenchPhone();
}

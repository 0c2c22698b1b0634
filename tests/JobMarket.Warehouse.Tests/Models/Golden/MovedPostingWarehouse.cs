using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// The golden fetch 1, then one incremental France Travail page that retitles two offers already
/// landed, so their fingerprints move: the canonical postings they leave must be merged again
/// without them (or dropped when nothing is left), exactly as a full refresh would build them.
/// </summary>
public sealed class MovedPostingWarehouse : GoldenWarehouse
{
    /// <summary>France Travail offer → its new title.</summary>
    public static IReadOnlyDictionary<string, string> Retitled { get; } = new Dictionary<string, string>
    {
        ["201AAA1"] = "Data Engineer Cloud (H/F)",
        ["201AAA2"] = "Développeur Python senior (H/F)",
    };

    protected override async Task LandSecondFetchAsync(JsonElement manifest)
    {
        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PagesFolder, "france_travail", "fetch1-page1.json")))!.AsObject();
        var offers = page["resultats"]!.AsArray();
        foreach (var offer in offers.ToList())
        {
            if (Retitled.TryGetValue(offer!["id"]!.GetValue<string>(), out var title))
            {
                offer["intitule"] = title;
            }
            else
            {
                offers.Remove(offer);
            }
        }
        var fetchedAt = DateTimeOffset.Parse(manifest.GetProperty("fetches").GetProperty("2").GetString()!);
        // a date filter: an incremental run, which closes nothing
        await LandPagesAsync(2, [new RawPage(JobSource.FranceTravail, "/v2/offres/search", "golden",
            """{"range": "0-149", "sort": "1", "publieeDepuis": "7"}""", 200, fetchedAt, Encoding.UTF8.GetBytes(page.ToJsonString()))]);
    }
}

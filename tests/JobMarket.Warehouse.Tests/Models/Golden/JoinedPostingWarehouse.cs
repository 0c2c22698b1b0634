using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// The golden fetch 1, then one incremental France Travail page of two new offers that repeat offers
/// already landed (same employer, title and place): each joins a stored canonical posting, which an
/// incremental build combines with its stored row instead of merging all its members again. One copy
/// has a longer description, so it becomes the posting's primary source; the other a shorter one.
/// </summary>
public sealed class JoinedPostingWarehouse : GoldenWarehouse
{
    /// <summary>New offer → the landed offer it repeats, and whether its description is longer.</summary>
    public static IReadOnlyDictionary<string, (string Repeats, bool Longer)> Joined { get; } = new Dictionary<string, (string, bool)>
    {
        ["201AAZ1"] = ("201AAA1", true),
        ["201AAZ2"] = ("201AAA2", false),
    };

    protected override async Task LandSecondFetchAsync(JsonElement manifest)
    {
        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PagesFolder, "france_travail", "fetch1-page1.json")))!.AsObject();
        var offers = page["resultats"]!.AsArray();
        var copies = new JsonArray();
        foreach (var (id, (repeats, longer)) in Joined)
        {
            var copy = offers.Single(o => o!["id"]!.GetValue<string>() == repeats)!.DeepClone();
            var description = copy["description"]!.GetValue<string>();
            copy["id"] = id;
            copy["description"] = longer ? description + " Poste à pourvoir dès que possible, télétravail partiel." : description[..40];
            copies.Add(copy);
        }
        page["resultats"] = copies;
        var fetchedAt = DateTimeOffset.Parse(manifest.GetProperty("fetches").GetProperty("2").GetString()!);
        // a date filter: an incremental run, which closes nothing
        await LandPagesAsync(2, [new RawPage(JobSource.FranceTravail, "/v2/offres/search", "golden",
            """{"range": "0-149", "sort": "1", "publieeDepuis": "7"}""", 200, fetchedAt, Encoding.UTF8.GetBytes(page.ToJsonString()))]);
    }
}

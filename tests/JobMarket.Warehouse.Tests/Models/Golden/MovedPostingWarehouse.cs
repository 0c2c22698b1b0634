using System.Text.Json;
using System.Text.Json.Nodes;

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
        var page = await FirstFranceTravailPageAsync();
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
        await LandIncrementalFranceTravailPageAsync(manifest, page);
    }
}

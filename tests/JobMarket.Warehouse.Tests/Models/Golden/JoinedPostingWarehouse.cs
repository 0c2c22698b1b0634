using System.Text.Json;
using System.Text.Json.Nodes;

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
        var page = await FirstFranceTravailPageAsync();
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
        await LandIncrementalFranceTravailPageAsync(manifest, page);
    }
}

using System.Text.Json;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// The golden fetch 1, then one incremental France Travail page: one offer reworded (its description
/// now names Kubernetes), one reworded so that it names no skill any more, and one seen again as it
/// was. core.posting rewrites the three postings; only the reworded ones' skills may be read again.
/// </summary>
public sealed class RewordedPostingWarehouse : GoldenWarehouse
{
    public const string Reworded = "201AAA1";

    public const string Unchanged = "201AAA2";

    /// <summary>Names one skill in fetch 1 (customer focus: "sens du client"), none in fetch 2.</summary>
    public const string Silenced = "201AAA4";

    protected override async Task LandSecondFetchAsync(JsonElement manifest)
    {
        var page = await FirstFranceTravailPageAsync();
        var offers = page["resultats"]!.AsArray();
        foreach (var offer in offers.ToList())
        {
            switch (offer!["id"]!.GetValue<string>())
            {
                case Reworded:
                    offer["description"] = offer["description"]!.GetValue<string>() + " Vous déployez nos pipelines sur Kubernetes.";
                    break;
                case Silenced:
                    offer["description"] = "Vente en boutique pendant la saison estivale.";
                    break;
                case Unchanged:
                    break;
                default:
                    offers.Remove(offer);
                    break;
            }
        }
        await LandIncrementalFranceTravailPageAsync(manifest, page);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Metabase's version from <c>/api/session/properties</c> (<c>v0.50.3</c> OSS, <c>v1.50.3</c>
/// Enterprise; both share the feature number 50). The API is not versioned, so the provisioner
/// picks its calls from this.
/// </summary>
internal sealed partial record MetabaseVersion(string Tag, int Feature, int Patch)
{
    /// <summary>The oldest release the provisioner supports: the 24-column grid and PUT …/cards arrived in 0.47.</summary>
    public const int Oldest = 47;

    /// <summary><c>dashcards</c> in <c>PUT /api/dashboard/:id</c> (0.48+); 0.47 uses <c>PUT /api/dashboard/:id/cards</c>.</summary>
    public bool HasDashcards => Feature >= 48;

    /// <summary>Card kind as <c>type</c> (0.49+) instead of the <c>dataset</c> flag.</summary>
    public bool HasCardType => Feature >= 49;

    /// <summary>Setup accepts <c>prefs.allow_tracking</c> up to 0.49.</summary>
    public bool SetupTakesTracking => Feature < 50;

    /// <summary>Card responses use MBQL 5 from 0.57; <c>?legacy-mbql=true</c> returns the form we send.</summary>
    public bool NeedsLegacyMbql => Feature >= 57;

    public static MetabaseVersion Parse(string? tag)
    {
        var match = Pattern().Match(tag ?? "");
        if (!match.Success)
        {
            throw new WarehouseException($"unrecognised Metabase version '{tag}' (expected a tag like v0.50.20)");
        }
        var version = new MetabaseVersion(
            tag!,
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0);
        if (version.Feature < Oldest)
        {
            throw new WarehouseException(
                $"Metabase {tag} is too old: provisioning needs 0.{Oldest} or later (the 24-column grid and dashboard card API)");
        }
        return version;
    }

    public override string ToString() => Tag;

    [GeneratedRegex(@"^v?([01])\.(\d+)(?:\.(\d+))?")]
    private static partial Regex Pattern();
}

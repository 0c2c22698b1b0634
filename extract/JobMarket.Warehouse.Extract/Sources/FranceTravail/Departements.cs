namespace JobMarket.Warehouse.Extract.Sources.FranceTravail;

/// <summary>The 101 département codes France Travail's <c>departement</c> filter accepts (2A/2B for Corsica, 3 digits overseas).</summary>
internal static class Departements
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. Enumerable.Range(1, 19).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
        "2A", "2B",
        .. Enumerable.Range(21, 75).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
        "971", "972", "973", "974", "976",
    ];
}

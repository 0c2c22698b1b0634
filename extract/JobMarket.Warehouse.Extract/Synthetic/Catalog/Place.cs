namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>
/// Where a posting is, as precisely as its source gives it: a commune (INSEE code and postal code), or
/// only a département, a région, or a country. Foreign places carry a city and a state instead.
/// </summary>
internal sealed record Place(
    string CountryCode,
    string CountryName,
    string? RegionCode,
    string? RegionName,
    string? DepartmentCode,
    string? DepartmentName,
    string? CommuneCode,
    string? CommuneName,
    string? PostalCode,
    double? Latitude,
    double? Longitude)
{
    public bool IsFrench => CountryCode == "FR";

    /// <summary>The most specific name: commune, département, région or country.</summary>
    public string Name => CommuneName ?? DepartmentName ?? RegionName ?? CountryName;

    /// <summary>The city name without an arrondissement ("Paris" for "Paris 15e Arrondissement").</summary>
    public string? City => CommuneName is null ? null
        : CommuneName.Contains(" Arrondissement", StringComparison.Ordinal) ? CommuneName[..CommuneName.IndexOf(' ', StringComparison.Ordinal)]
        : CommuneName;
}

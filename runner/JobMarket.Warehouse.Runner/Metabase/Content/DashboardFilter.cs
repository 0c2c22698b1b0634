namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>A dashboard filter; its slug doubles as the Metabase parameter id, stable across runs.</summary>
internal sealed record DashboardFilter(string Slug, string Name, string Type, string? Default)
{
    public static readonly string[] Types =
    [
        "category", "string/=", "number/=", "date/single", "date/range", "date/all-options", "date/month-year",
    ];

    /// <summary>The dashboard parameter's <c>sectionId</c>, which the filter picker groups by.</summary>
    public string SectionId => Type switch
    {
        "number/=" => "number",
        var t when t.StartsWith("date/", StringComparison.Ordinal) => "date",
        _ => "string",
    };
}

namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>
/// An occupation as the sources label it: the ROME code and label (France Travail), French job titles
/// (appellations), English titles, the Adzuna category, The Muse category and the O*NET SOC code
/// (JSearch), the skills its postings mention most (most frequent first) and a typical annual salary.
/// </summary>
internal sealed record Occupation(
    string RomeCode,
    string RomeLabel,
    JobFamily Family,
    string[] TitlesFr,
    string[] TitlesEn,
    string AdzunaTag,
    string AdzunaLabel,
    string MuseCategory,
    string OnetSoc,
    string NafCode,
    string SectorLabel,
    string[] Skills,
    int AnnualMinEur,
    int AnnualMaxEur,
    double Weight)
{
    public bool IsTech => Family is JobFamily.Data or JobFamily.Software or JobFamily.Infrastructure or JobFamily.ItManagement;

    /// <summary>Low-wage occupations mostly state hourly or monthly pay.</summary>
    public bool IsHourly => Family is JobFamily.Retail or JobFamily.Logistics or JobFamily.Hospitality or JobFamily.Cleaning or JobFamily.Agriculture;
}

namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>Groups occupations that share mission texts and contract/remote habits.</summary>
internal enum JobFamily
{
    Data,
    Software,
    Infrastructure,
    ItManagement,
    Sales,
    Retail,
    Health,
    Logistics,
    Hospitality,
    Office,
    Finance,
    People,
    Marketing,
    Construction,
    Cleaning,
    Agriculture,
}

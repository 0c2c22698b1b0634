namespace JobMarket.Warehouse.Extract.Synthetic;

internal enum ExperienceLevel
{
    Entry,
    Mid,
    Senior,
    Lead,
}

namespace JobMarket.Warehouse.Extract.Synthetic;

internal enum SalaryPeriod
{
    Year,
    Month,
    Hour,
}

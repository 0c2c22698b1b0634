namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// A salary as the posting's own source states it: a period, a minimum, an optional maximum, the number
/// of monthly payments (France Travail "sur 13 mois") or hours (151.67), and whether the figure is an
/// absurd one (a monthly figure that is really annual) planted for the models' range checks.
/// </summary>
internal sealed record SalaryOffer(SalaryPeriod Period, decimal Min, decimal? Max, decimal Payments, bool IsAberrant, int NumberStyle)
{
    /// <summary>The annual equivalent of the minimum (for Adzuna's numbers when a France Travail offer is re-listed).</summary>
    public decimal AnnualMin => Annual(Min);

    public decimal AnnualMax => Annual(Max ?? Min);

    private decimal Annual(decimal value) => Period switch
    {
        SalaryPeriod.Year => value,
        SalaryPeriod.Month => value * Payments,
        _ => Math.Round(value * 151.67m * 12m, 0),
    };
}

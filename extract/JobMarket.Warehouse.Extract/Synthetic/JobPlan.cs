using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// The cheap facts about one job, computed from its index without generating it: which source posts
/// it, whether Adzuna re-lists it (France Travail jobs only), the days it is open
/// (<see cref="OpenDay"/> inclusive to <see cref="CloseDay"/> exclusive), where it is and when it was created.
/// </summary>
internal readonly record struct JobPlan(
    long Index, JobSource Source, bool RelistedOnAdzuna, int OpenDay, int CloseDay, int PlaceIndex, DateTimeOffset CreatedAt, int DetailSeed)
{
    public bool IsOpenOn(int day) => OpenDay <= day && day < CloseDay;
}

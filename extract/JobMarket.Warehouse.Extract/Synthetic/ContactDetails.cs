namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>A recruiter's personal details: the kind of data the models must scrub before <c>core</c>.</summary>
internal sealed record ContactDetails(string Name, string Email, string Phone);

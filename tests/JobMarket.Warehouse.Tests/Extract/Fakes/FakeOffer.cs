namespace JobMarket.Warehouse.Tests.Extract.Fakes;

/// <summary>One France Travail offer of the fake's dataset: its département and creation time drive the filters.</summary>
public sealed record FakeOffer(string Id, string Departement, DateTimeOffset CreatedAt);

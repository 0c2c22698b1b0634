using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>A generated response page and the number of postings in it.</summary>
public sealed record SyntheticPage(RawPage Page, int Postings);

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>The contract of a synthetic posting; each source renders it in its own codes.</summary>
internal enum ContractKind
{
    Permanent,
    FixedTerm,
    Temporary,
    Seasonal,
    Freelance,
    Apprenticeship,
    Professionalisation,
    Internship,
    Commercial,
    Franchise,
    PermanentTemporary,
}

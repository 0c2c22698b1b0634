namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>An employer: its display name, the web domain its recruiters write from, a stable id, and the job families it hires for (null: any).</summary>
internal sealed record Company(int Id, string Name, string Domain, JobFamily[]? Families = null)
{
    public string ShortName => Names.Slug(Name);

    public bool Hires(JobFamily family) => Families is null || Families.Contains(family);
}

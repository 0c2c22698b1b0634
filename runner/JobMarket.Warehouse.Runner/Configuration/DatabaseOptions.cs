namespace JobMarket.Warehouse.Runner.Configuration;

/// <summary>Which PostgreSQL the warehouse lives in.</summary>
internal sealed class DatabaseOptions
{
    /// <summary>
    /// <c>postgres://user:pass@host:port/db</c> or an Npgsql connection string; set it with
    /// <c>JOBMARKET_DATABASE_URL</c>. Empty means the embedded cluster.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Folder of the embedded cluster, relative to the project home.</summary>
    public string EmbeddedDirectory { get; set; } = ".jobmarket";
}

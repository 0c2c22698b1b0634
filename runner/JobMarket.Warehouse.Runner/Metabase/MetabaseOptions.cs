using System.ComponentModel.DataAnnotations;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Where Metabase is and how the warehouse looks from inside it (section <c>Metabase</c>, e.g.
/// <c>JOBMARKET_Metabase__WarehouseHost</c>). Secrets are not here: see <see cref="MetabaseCredentials"/>.
/// </summary>
internal sealed class MetabaseOptions
{
    [Required]
    public string? Url { get; set; }

    [Required]
    public string CollectionName { get; set; } = "Job Market";

    public string CollectionDescription { get; set; } = "Provisioned from the repository's metabase/ folder by jobmarket metabase provision.";

    [Required]
    public string DatabaseName { get; set; } = "Job Market warehouse";

    public string SiteName { get; set; } = "Job Market";

    /// <summary>The warehouse host as Metabase reaches it; empty means the host of <c>JOBMARKET_DATABASE_URL</c>.</summary>
    public string? WarehouseHost { get; set; }

    [Range(1, 65535)]
    public int? WarehousePort { get; set; }

    public string? WarehouseDatabase { get; set; }

    [Required]
    public string WarehouseUser { get; set; } = "jobmarket_reader";

    public bool WarehouseSsl { get; set; }

    [Range(1, 3600)]
    public int HealthTimeoutSeconds { get; set; } = 300;

    [Range(1, 3600)]
    public int SyncTimeoutSeconds { get; set; } = 300;

    [Range(1, 60000)]
    public int PollIntervalMilliseconds { get; set; } = 2000;

    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new WarehouseException("Metabase options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new WarehouseException($"--url must be an http(s) URL of Metabase, e.g. http://localhost:3000 (found '{Url}')");
        }
        if (string.IsNullOrWhiteSpace(WarehouseHost) || string.IsNullOrWhiteSpace(WarehouseDatabase) || WarehousePort is null)
        {
            throw new WarehouseException(
                "the warehouse's address as Metabase sees it is unknown: set JOBMARKET_DATABASE_URL or JOBMARKET_Metabase__WarehouseHost, __WarehousePort and __WarehouseDatabase");
        }
    }
}

using JobMarket.Warehouse.Extract.Sources;

namespace JobMarket.Warehouse.Extract.Sources.FranceTravail;

/// <summary><c>Extract:FranceTravail</c>: partitions are keyword sets (× départements when listed); over-cap ones split further.</summary>
public sealed class FranceTravailOptions : SourceOptions
{
    public FranceTravailOptions()
    {
        BaseUrl = "https://api.francetravail.io/partenaire/offresdemploi";
        // Documented: 10 requests per second per application.
        Http.RateLimitRequests = 10;
        Http.RatePeriodSeconds = 1;
    }

    public string TokenUrl { get; set; } = "https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=/partenaire";
    public string Scope { get; set; } = "api_offresdemploiv2 o2dsoffre";

    /// <summary><c>motsCles</c> values, one partition each (empty = no keyword filter).</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Départements to query separately; empty = the whole country, split by département only past the cap.</summary>
    public List<string> Departements { get; set; } = [];

    /// <summary>Items per <c>range</c> call; the API allows 150.</summary>
    public int PageSize { get; set; } = 150;

    /// <summary>Offers reachable per criteria set (<c>range</c> up to 3000-3149).</summary>
    public int DepthCap { get; set; } = 3150;

    /// <summary>Creation-date window of a first run, in days back from now.</summary>
    public int InitialDays { get; set; } = 31;

    /// <summary>Smallest creation-date window the splitter makes before giving up on the cap.</summary>
    public TimeSpan MinWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    public override void Validate(string section)
    {
        base.Validate(section);
        Require(Uri.TryCreate(TokenUrl, UriKind.Absolute, out _), section, nameof(TokenUrl), "an absolute URL", TokenUrl);
        Require(PageSize is >= 1 and <= 150, section, nameof(PageSize), "between 1 and 150", PageSize);
        Require(DepthCap >= PageSize && DepthCap <= 3150, section, nameof(DepthCap), $"between PageSize and 3150", DepthCap);
        Require(InitialDays >= 1, section, nameof(InitialDays), ">= 1", InitialDays);
        Require(MinWindow > TimeSpan.Zero, section, nameof(MinWindow), "> 0", MinWindow);
        Require(TokenRefreshMargin >= TimeSpan.Zero, section, nameof(TokenRefreshMargin), ">= 0", TokenRefreshMargin);
    }
}

using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// A source's secrets, read from environment variables only (never from files or config):
/// <c>ADZUNA_APP_ID</c>/<c>ADZUNA_APP_KEY</c>, <c>FRANCETRAVAIL_CLIENT_ID</c>/<c>FRANCETRAVAIL_CLIENT_SECRET</c>,
/// <c>JSEARCH_API_KEY</c>, and the optional <c>THEMUSE_API_KEY</c>.
/// </summary>
public sealed record SourceCredentials(string? Id, string? Secret)
{
    public static IReadOnlyList<string> RequiredVariables(JobSource source) => source switch
    {
        JobSource.Adzuna => ["ADZUNA_APP_ID", "ADZUNA_APP_KEY"],
        JobSource.FranceTravail => ["FRANCETRAVAIL_CLIENT_ID", "FRANCETRAVAIL_CLIENT_SECRET"],
        JobSource.JSearch => ["JSEARCH_API_KEY"],
        JobSource.TheMuse => [],
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The credentials, or null with the names of the missing variables.</summary>
    public static SourceCredentials? Read(JobSource source, Func<string, string?> environment, out IReadOnlyList<string> missing)
    {
        var required = RequiredVariables(source);
        missing = required.Where(name => string.IsNullOrWhiteSpace(environment(name))).ToList();
        if (missing.Count > 0)
        {
            return null;
        }
        // Stray whitespace makes France Travail answer invalid_client; trim it here.
        return source switch
        {
            JobSource.TheMuse => new SourceCredentials(null, environment("THEMUSE_API_KEY")?.Trim() is { Length: > 0 } key ? key : null),
            JobSource.JSearch => new SourceCredentials(null, environment(required[0])!.Trim()),
            _ => new SourceCredentials(environment(required[0])!.Trim(), environment(required[1])!.Trim()),
        };
    }
}

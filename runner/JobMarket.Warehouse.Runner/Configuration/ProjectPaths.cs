namespace JobMarket.Warehouse.Runner.Configuration;

/// <summary>Where the project's files live: models, migrations, samples, the embedded cluster.</summary>
internal sealed record ProjectPaths(string Home)
{
    public string Models => Path.Combine(Home, "models");
    public string Migrations => Path.Combine(Home, "migrations");
    public string Samples => Path.Combine(Home, "extract", "samples");
    public string Metabase => Path.Combine(Home, "metabase");
    public string Target => Path.Combine(Home, "target");

    /// <summary>
    /// <c>JOBMARKET_HOME</c> when set (the launcher and the container set it); otherwise the
    /// nearest folder above the working directory, then above the binary, holding the solution.
    /// </summary>
    public static ProjectPaths Discover()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("JOBMARKET_HOME");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new ProjectPaths(Path.GetFullPath(fromEnvironment));
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JobMarket.Warehouse.sln"))
                    || (Directory.Exists(Path.Combine(dir.FullName, "migrations")) && Directory.Exists(Path.Combine(dir.FullName, "models"))))
                {
                    return new ProjectPaths(dir.FullName);
                }
            }
        }
        return new ProjectPaths(Directory.GetCurrentDirectory());
    }
}

using JobMarket.Warehouse.Runner.Configuration;

namespace JobMarket.Warehouse.Tests.Infrastructure;

/// <summary>The checked-out project, found above the test binary.</summary>
public static class RepositoryPaths
{
    public static string Home { get; } = FindHome();

    internal static ProjectPaths Project => new(Home);

    private static string FindHome()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JobMarket.Warehouse.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("JobMarket.Warehouse.sln not found above " + AppContext.BaseDirectory);
    }
}

using Microsoft.Extensions.Configuration;

namespace JobMarket.Warehouse.Runner.Configuration;

/// <summary>
/// Layers the configuration: the shipped <c>appsettings.json</c>, an <c>appsettings.json</c> in the
/// project home, <c>.env</c>, then <c>JOBMARKET_*</c> environment variables (sections with
/// <c>__</c>, e.g. <c>JOBMARKET_Schedule__Jobs__0__Cron</c>). <c>JOBMARKET_DATABASE_URL</c> maps to
/// <c>Database:Url</c>.
/// </summary>
internal static class WarehouseConfiguration
{
    public static IConfigurationRoot Build(ProjectPaths paths)
    {
        DotEnvFile.Load(Path.Combine(paths.Home, ".env"));
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(paths.Home, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("JOBMARKET_");
        var databaseUrl = Environment.GetEnvironmentVariable("JOBMARKET_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            builder.AddInMemoryCollection([new KeyValuePair<string, string?>("Database:Url", databaseUrl)]);
        }
        return builder.Build();
    }
}

using JobMarket.Warehouse.Runner.Configuration;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Database;

/// <summary>Resolves which database to use: <c>JOBMARKET_DATABASE_URL</c>, else the embedded cluster.</summary>
internal static class WarehouseDatabase
{
    public static async Task<string> ResolveConnectionStringAsync(
        DatabaseOptions options, ProjectPaths paths, Action<string> report, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Url))
        {
            return DatabaseUrl.ToConnectionString(options.Url);
        }
        var embedded = Embedded(options, paths, report);
        return await embedded.StartAsync(ct);
    }

    public static EmbeddedPostgres Embedded(DatabaseOptions options, ProjectPaths paths, Action<string>? report = null) =>
        new(Path.Combine(paths.Home, options.EmbeddedDirectory), report);

    public static NpgsqlDataSource CreateDataSource(string connectionString, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "jobmarket";
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        return builder.Build();
    }
}

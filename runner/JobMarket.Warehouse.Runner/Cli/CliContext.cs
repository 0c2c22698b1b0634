using System.CommandLine;
using JobMarket.Warehouse.Runner.Configuration;
using JobMarket.Warehouse.Runner.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>
/// What every command shares: project paths, configuration, logging, and (on demand) the
/// warehouse's service provider with its single <c>NpgsqlDataSource</c>.
/// </summary>
internal sealed class CliContext : IDisposable
{
    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Log debug detail to stderr.",
        Recursive = true,
    };

    private ILoggerFactory? _loggerFactory;

    private CliContext(ProjectPaths paths, IConfigurationRoot configuration)
    {
        Paths = paths;
        Configuration = configuration;
    }

    public ProjectPaths Paths { get; }
    public IConfigurationRoot Configuration { get; }
    public bool Verbose { get; private set; }

    public DatabaseOptions DatabaseOptions =>
        Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();

    public ILoggerFactory LoggerFactory => _loggerFactory ??= CreateLoggerFactory(Configuration, Verbose);

    public static CliContext Create()
    {
        var paths = ProjectPaths.Discover();
        return new CliContext(paths, WarehouseConfiguration.Build(paths));
    }

    /// <summary>Reads the global options of a parse; call first in every action.</summary>
    public void Apply(ParseResult parseResult) => Verbose = parseResult.GetValue(VerboseOption);

    /// <summary>Resolves the database (starting the embedded cluster if needed) and builds the services.</summary>
    public async Task<WarehouseServices> OpenWarehouseAsync(CancellationToken ct = default)
    {
        var logger = LoggerFactory.CreateLogger("JobMarket.Warehouse.Database");
        var connectionString = await WarehouseDatabase.ResolveConnectionStringAsync(
            DatabaseOptions, Paths, detail => Logging.Log.Embedded(logger, detail), ct);
        return WarehouseServices.Build(Configuration, Paths, connectionString, LoggerFactory);
    }

    public static ILoggerFactory CreateLoggerFactory(IConfiguration configuration, bool verbose) =>
        Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.ColorBehavior = Console.IsErrorRedirected
                    ? Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled
                    : Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Default;
            });
            // Logs go to stderr so stdout stays for results (tables, JSON, rendered SQL).
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (verbose)
            {
                builder.SetMinimumLevel(LogLevel.Debug);
                builder.AddFilter("JobMarket", LogLevel.Debug);
            }
        });

    public void Dispose() => _loggerFactory?.Dispose();
}

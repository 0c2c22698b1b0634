using JobMarket.Warehouse.Extract.Sources;
using JobMarket.Warehouse.Runner.Configuration;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner;

/// <summary>
/// The warehouse's services for one process: one <see cref="NpgsqlDataSource"/> and the components
/// built on it. The CLI builds it per command; the scheduler host registers the same services.
/// </summary>
internal sealed class WarehouseServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WarehouseServices(ServiceProvider provider, string connectionString)
    {
        _provider = provider;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource => Get<NpgsqlDataSource>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static WarehouseServices Build(IConfiguration configuration, ProjectPaths paths, string connectionString, ILoggerFactory loggerFactory)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddLogging();
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        AddWarehouse(services, configuration, paths, connectionString);
        return new WarehouseServices(services.BuildServiceProvider(), connectionString);
    }

    /// <summary>Registers everything that works on the warehouse; shared by the CLI and the host.</summary>
    public static IServiceCollection AddWarehouse(IServiceCollection services, IConfiguration configuration, ProjectPaths paths, string connectionString)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(paths);
        services.AddSingleton(sp => WarehouseDatabase.CreateDataSource(connectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new Migrator(sp.GetRequiredService<NpgsqlDataSource>(), paths.Migrations, sp.GetRequiredService<ILogger<Migrator>>()));
        services.AddSingleton<RunRecorder>();
        services.AddSingleton(sp => new ExtractRunner(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<RunRecorder>(),
            configuration.GetSection(ExtractOptions.Section).Get<ExtractOptions>() ?? new ExtractOptions(), paths.Samples, sp.GetRequiredService<ILoggerFactory>()));
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection("Pipeline")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<PipelineStepCatalog>();
        services.AddSingleton<IPipelineStepSource>(sp => sp.GetRequiredService<PipelineStepCatalog>());
        services.AddSingleton<RunHistory>();
        services.AddSingleton(ExportOptions.From(configuration, paths));
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<Metabase.ReaderPassword>();
        services.AddSingleton(sp => new ModelEngine(sp.GetRequiredService<NpgsqlDataSource>(), new ModelEngineOptions { ProjectHome = paths.Home, TargetPath = paths.Target }, sp.GetRequiredService<RunRecorder>(), sp.GetRequiredService<ILogger<ModelEngine>>()));
        return services;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

using JobMarket.Warehouse.Runner.Configuration;
using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Pipeline.Steps;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// The steps each pipeline command runs, built from the warehouse's services. The CLI
/// (<c>refresh</c>), the scheduler's jobs and the demo all take their steps from here, so a
/// scheduled <c>refresh</c> runs exactly what a manual one runs.
/// </summary>
internal sealed class PipelineStepCatalog(Migrator migrator, ExtractRunner extractor, ModelEngine engine, ExportRunner exports, ProjectPaths paths) : IPipelineStepSource
{
    /// <summary>The commands a scheduled job may run.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["refresh", "migrate", "extract", "build", "export"];

    public IReadOnlyList<IPipelineStep> For(string command) => command switch
    {
        "refresh" => [Migrate(), new ExtractStep(extractor, samples: false), Build(), new ExportStep(exports, ExportStep.Which.Scheduled)],
        "migrate" => [Migrate()],
        "extract" => [new ExtractStep(extractor, samples: false)],
        "build" => [Build()],
        "export" => [new ExportStep(exports, ExportStep.Which.Scheduled)],
        _ => throw new WarehouseException(
            $"unknown pipeline command '{command}'; expected one of: {string.Join(", ", Commands)}"),
    };

    /// <summary>The demo: the bundled samples instead of the live APIs, then the docs site.</summary>
    public IReadOnlyList<IPipelineStep> Demo() => [Migrate(), new ExtractStep(extractor, samples: true), Build(), new ExportStep(exports, ExportStep.Which.First), Docs()];

    private MigrateStep Migrate() => new(migrator);

    private BuildStep Build() => new(engine);

    private DocsStep Docs() => new(paths);
}

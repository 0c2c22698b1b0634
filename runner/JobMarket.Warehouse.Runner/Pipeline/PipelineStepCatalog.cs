using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Pipeline.Steps;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// The steps each pipeline command runs, built from the warehouse's services. The CLI
/// (<c>refresh</c>), the scheduler's jobs and the demo all take their steps from here, so a
/// scheduled <c>refresh</c> runs exactly what a manual one runs. A step whose service has not
/// landed yet is an <see cref="UnavailableStep"/>: add the real one here when it does.
/// </summary>
internal sealed class PipelineStepCatalog(Migrator migrator, ExportRunner exports) : IPipelineStepSource
internal sealed class PipelineStepCatalog(Migrator migrator, ExtractRunner extractor, ModelEngine engine, ExportRunner exports) : IPipelineStepSource
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

    private static UnavailableStep Extract() => new("extract", "not available yet: the extractors have not landed on this build");

    private static UnavailableStep ExtractSamples() => new("extract", "not available yet: the extractors' offline transport has not landed on this build");

    private static UnavailableStep Build() => new("build", "not available yet: the model engine (seeds, models, tests, reco) has not landed on this build");

    private ExportStep Export() => new(exports);
    private BuildStep Build() => new(engine);

    private static UnavailableStep Docs() => new("docs", "not available yet: docs generation has not landed on this build");
}

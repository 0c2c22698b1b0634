using JobMarket.Warehouse.Runner.Cli.Commands;

namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new DemoCommand(),
        new DbCommand(),
        new MigrateCommand(),
        new ExtractCommand(),
        new LandCommand(),
        new RefreshCommand(),
        new ScheduleCommand(),
        new RunsCommand(),
        new ExportCommand(),
        new SeedCommand(),
        new BuildCommand(),
        new RunCommand(),
        new TestCommand(),
        new CompileCommand(),
        new LsCommand(),
        new FreshnessCommand(),
        new DocsCommand(),
        new SynthCommand(),
        new MetabaseCommand(),
    ];
}

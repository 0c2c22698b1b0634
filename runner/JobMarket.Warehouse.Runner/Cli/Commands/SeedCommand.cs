using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket seed [--select ..] [--exclude ..]</c>.</summary>
internal sealed class SeedCommand() : EngineRunCommand("seed",
    "Load models/seeds/*.csv into the seeds schema, typed by their YAML data_type, each swapped in atomically.",
    EngineCommand.Seed);

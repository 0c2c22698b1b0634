using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket build [--select ..] [--exclude ..] [--full-refresh] [--threads N]</c>.</summary>
internal sealed class BuildCommand() : EngineRunCommand("build",
    "Seeds, models and their data tests in DAG order. Each model is built, tested and published in one transaction: "
    + "a failing error-severity test or a model error keeps the previous relation and skips everything downstream.",
    EngineCommand.Build);

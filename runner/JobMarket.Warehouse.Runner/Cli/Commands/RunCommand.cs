using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket run [--select ..] [--exclude ..] [--full-refresh] [--threads N]</c>.</summary>
internal sealed class RunCommand() : EngineRunCommand("run",
    "Build the selected models (no seeds, no tests) in DAG order, each swapped in atomically.",
    EngineCommand.Run);

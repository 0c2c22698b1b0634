using System.CommandLine;

namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>One top-level command of the <c>jobmarket</c> CLI.</summary>
internal interface ICliCommand
{
    Command Build(CliContext context);
}

using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>The shape of <c>build</c>, <c>run</c> and <c>seed</c>: selection, <c>--full-refresh</c>, <c>--threads</c>.</summary>
internal abstract class EngineRunCommand(string name, string description, EngineCommand kind) : ICliCommand
{
    public Command Build(CliContext context)
    {
        var options = new EngineOptions();
        var command = new Command(name, description);
        options.AddBuild(command);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            return await EngineOptions.RunAsync(context, options.Request(parse, kind), ct);
        });
        return command;
    }
}

using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket test (--all | --select ..) [--exclude ..]</c>: the warehouse's data tests.</summary>
internal sealed class TestCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var options = new EngineOptions();
        var all = new Option<bool>("--all") { Description = "Run every data test (the launcher's './jobmarket test' alone runs the xunit suite instead)." };
        var command = new Command("test",
            "Run the data tests (YAML generic tests and models/tests/*.sql) against the published relations; failing rows go to audit.test_failure. "
            + "Give --all for every test or --select to choose; './jobmarket test' with no arguments runs the project's xunit suite.");
        options.AddSelection(command);
        command.Options.Add(options.Threads);
        command.Options.Add(all);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var request = options.Request(parse, EngineCommand.Test);
            if (parse.GetValue(all) && request.Select.Count > 0)
            {
                throw new UsageException("--all and --select exclude each other");
            }
            return await EngineOptions.RunAsync(context, request, ct);
        });
        return command;
    }
}

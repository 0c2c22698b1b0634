using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Docs;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket docs</c>: writes the static documentation site to <c>target/docs</c>.</summary>
internal sealed class DocsCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("docs", "Write target/docs: every model, seed, source and test with its description, columns, tests, SQL and lineage graph (static HTML, opens from a file).");
        command.SetAction(parse =>
        {
            context.Apply(parse);
            var project = ProjectLoader.Load(context.Paths.Home);
            var index = DocsSiteWriter.Write(project, context.Paths.Target);
            Console.WriteLine($"wrote {index} ({project.Nodes.Count} nodes, {project.Sources.Count} sources)");
            return ExitCodes.Ok;
        });
        return command;
    }
}

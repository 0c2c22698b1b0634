using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Runner.Models.Testing;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket compile [--select ..] [--incremental] [--tests]</c>: prints rendered SQL; no database needed.</summary>
internal sealed class CompileCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var options = new EngineOptions();
        var incremental = new Option<bool>("--incremental") { Description = "Render is_incremental() as true (the SQL of an incremental run)." };
        var tests = new Option<bool>("--tests") { Description = "Also print the SQL of each model's generic tests." };
        var command = new Command("compile", "Print the rendered SQL of the selected models and singular tests (ref/source resolved); checks the whole project.");
        options.AddSelection(command);
        command.Options.Add(incremental);
        command.Options.Add(tests);
        command.SetAction(parse =>
        {
            context.Apply(parse);
            var project = ProjectLoader.Load(context.Paths.Home);
            var plan = ModelEngine.Plan(project, options.Request(parse, EngineCommand.Build), out _);
            foreach (var node in plan.Where(n => n.Kind != NodeKind.Seed))
            {
                Console.WriteLine($"-- {node.File} ({node.Materialized} {(node.Kind == NodeKind.Test ? "test" : node.Relation.ToString())})");
                Console.WriteLine(ModelCompiler.Render(project, node, parse.GetValue(incremental) && node.Materialized == Materialization.Incremental).TrimEnd());
                Console.WriteLine();
                foreach (var test in parse.GetValue(tests) ? node.Tests : [])
                {
                    Console.WriteLine($"-- test {test.Name} ({test.Severity}, {test.File}:{test.Line})");
                    Console.WriteLine(DataTestCompiler.Compile(project, test, node.Relation));
                    Console.WriteLine();
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

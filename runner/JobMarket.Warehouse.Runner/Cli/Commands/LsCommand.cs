using System.CommandLine;
using System.Text.Json;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket ls [--select ..] [--exclude ..] [--json]</c>: the selected nodes in build order.</summary>
internal sealed class LsCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var options = new EngineOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table." };
        var timing = new Option<bool>("--timing") { Description = "Print the time spent parsing and planning to stderr (benchmarks)." };
        var command = new Command("ls", "List the selected seeds, models and tests in build order (no database needed).");
        options.AddSelection(command);
        command.Options.Add(json);
        command.Options.Add(timing);
        command.SetAction(parse =>
        {
            context.Apply(parse);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var project = ProjectLoader.Load(context.Paths.Home);
            var parsed = clock.Elapsed;
            var plan = ModelEngine.Plan(project, options.Request(parse, EngineCommand.Build), out _);
            if (parse.GetValue(timing))
            {
                Console.Error.WriteLine($"parse {parsed.TotalMilliseconds:0} ms, plan {(clock.Elapsed - parsed).TotalMilliseconds:0} ms, {project.Nodes.Count} nodes");
            }
            foreach (var node in plan)
            {
                var relation = node.Kind == NodeKind.Test ? "" : node.Relation.ToString();
                Console.WriteLine(parse.GetValue(json)
                    ? JsonSerializer.Serialize(new { name = node.Name, resource_type = node.ResourceType, materialized = node.Materialized, relation, file = node.File, tags = node.Config.Tags, parents = project.Parents[node.Name] })
                    : $"{node.ResourceType,-6} {node.Materialized,-17} {(relation.Length > 0 ? relation : node.Name),-45} {node.File}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

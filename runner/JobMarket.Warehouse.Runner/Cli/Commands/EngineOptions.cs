using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>The selection and build options the model-engine commands share.</summary>
internal sealed class EngineOptions
{
    public Option<string[]> Select { get; } = new("--select", "-s")
    {
        Description = "Nodes to include: name, +name (and ancestors), name+ (and descendants), tag:x, path:models/marts, source:x, "
            + "config.materialized:table, resource_type:seed; globs with *; several values or repeated options are a union.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Nodes to leave out, same syntax as --select.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<bool> FullRefresh { get; } = new("--full-refresh")
    {
        Description = "Rebuild incremental models and materialized views from scratch, and reload seeds whose file has not changed.",
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "How many independent nodes to build at once.",
        DefaultValueFactory = _ => 4,
    };

    public void AddSelection(Command command)
    {
        command.Options.Add(Select);
        command.Options.Add(Exclude);
    }

    public void AddBuild(Command command)
    {
        AddSelection(command);
        command.Options.Add(FullRefresh);
        command.Options.Add(Threads);
    }

    public BuildRequest Request(ParseResult parse, EngineCommand command)
    {
        var threads = parse.CommandResult.Command.Options.Contains(Threads) ? parse.GetValue(Threads) : 4;
        if (threads is < 1 or > 64)
        {
            throw new UsageException($"--threads must be between 1 and 64, not {threads}");
        }
        return new BuildRequest
        {
            Command = command,
            Select = parse.GetValue(Select) ?? [],
            Exclude = parse.GetValue(Exclude) ?? [],
            FullRefresh = parse.GetValue(FullRefresh),
            Threads = threads,
        };
    }

    /// <summary>Runs a build-like command: prints a line per node, then the summary; exit 1 on any failure.</summary>
    public static async Task<int> RunAsync(CliContext context, BuildRequest request, CancellationToken ct)
    {
        await using var warehouse = await context.OpenWarehouseAsync(ct);
        var engine = warehouse.Get<ModelEngine>();
        var result = await engine.BuildAsync(request, new NodeProgressPrinter(Console.Out, !Console.IsOutputRedirected), ct);
        if (result.Nodes.Count == 0)
        {
            Console.WriteLine("nothing selected");
        }
        Console.WriteLine(result.Summary);
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}

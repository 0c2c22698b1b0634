using System.CommandLine;
using JobMarket.Warehouse.Runner.Exports;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket export [NAME...] [--out DIR] [--param k=v]... [--format xlsx|csv] [--list]</c>.</summary>
internal sealed class ExportCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var names = new Argument<string[]>("name") { Arity = ArgumentArity.ZeroOrMore, Description = "Exports to run (models/exports/<name>.yml); all when none is given." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: target/exports)." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A parameter value, k=v; repeatable.", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format", "-f") { Description = "xlsx (default) or csv.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var list = new Option<bool>("--list") { Description = "List the exports, their parameters and schedules; write nothing." };

        var command = new Command("export", "Write stakeholder workbooks (xlsx, or csv) from the export definitions in models/exports.");
        command.Arguments.Add(names);
        command.Options.Add(output);
        command.Options.Add(parameters);
        command.Options.Add(format);
        command.Options.Add(list);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var values = ParseParameters(parse.GetValue(parameters) ?? []);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var runner = warehouse.Get<ExportRunner>();
            if (parse.GetValue(list))
            {
                PrintList(runner);
                return ExitCodes.Ok;
            }
            var request = new ExportRequest(
                parse.GetValue(names) ?? [],
                values,
                parse.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx,
                parse.GetValue(output) is { } folder ? Path.GetFullPath(folder) : null);
            ExportResult result;
            try
            {
                result = await runner.RunAsync(request, ct);
            }
            catch (ExportRequestException ex)
            {
                throw new UsageException(ex.Message);
            }
            foreach (var export in result.Exports)
            {
                if (export.Successful)
                {
                    foreach (var file in export.Files)
                    {
                        Console.WriteLine($"  wrote  {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
                    }
                    Console.WriteLine($"  {export.Name}: {export.Rows:N0} rows");
                }
                else
                {
                    Console.Error.WriteLine($"error: {export.Name}: {export.Error}");
                }
            }
            Console.WriteLine($"run {result.RunId}: {result.Exports.Count(e => e.Successful)} of {result.Exports.Count} export(s) written");
            return result.Successful ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    internal static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--param expects k=v, got '{pair}'");
            }
            if (!values.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..]))
            {
                throw new UsageException($"--param {pair[..equals].Trim()} is given twice");
            }
        }
        return values;
    }

    private static void PrintList(ExportRunner runner)
    {
        foreach (var definition in runner.LoadDefinitions())
        {
            var schedule = definition.Schedule is { } s ? $"  [{s.Cron} {s.TimeZone}]" : "";
            Console.WriteLine($"{definition.Name}: {definition.Title}{schedule}");
            foreach (var parameter in definition.Parameters)
            {
                var type = parameter.Type.ToString().ToLowerInvariant();
                var detail = parameter.Required ? "required" : parameter.Default is { } d ? $"default {d}" : "optional";
                Console.WriteLine($"    --param {parameter.Name}=<{type}>  ({detail}){(parameter.Description is { } text ? "  " + text : "")}");
            }
        }
    }
}

using System.CommandLine;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Testing;
using JobMarket.Warehouse.Runner.Runs;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket freshness [--source name]</c>: raw sources against their _sources.yml thresholds.</summary>
internal sealed class FreshnessCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var sources = new Option<string[]>("--source") { Description = "Only these sources (name or name.table).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("freshness", "Check each source's max(loaded_at_field) against warn_after/error_after; exit 1 when one is past error_after.");
        command.Options.Add(sources);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var project = warehouse.Get<ModelEngine>().LoadProject();
            var recorder = warehouse.Get<RunRecorder>();
            var runId = await recorder.StartRunAsync("freshness", new { sources = parse.GetValue(sources) }, ct);
            var results = await SourceFreshness.CheckAsync(warehouse.DataSource, project, runId, parse.GetValue(sources) ?? [], ct);
            foreach (var r in results)
            {
                Console.WriteLine($"{r.Status.ToUpperInvariant(),-14} {r.Source,-40} {r.Relation,-35} {r.Message}");
            }
            var failed = results.Any(r => r.Status is "error" or "runtime error");
            await recorder.FinishRunAsync(runId, failed ? RunStatus.Failed : RunStatus.Success, null, ct);
            Console.WriteLine($"{results.Count} source(s): {results.Count(r => r.Status == "pass")} pass, {results.Count(r => r.Status == "warn")} warn, {results.Count(r => r.Status is "error" or "runtime error")} error");
            return failed ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}

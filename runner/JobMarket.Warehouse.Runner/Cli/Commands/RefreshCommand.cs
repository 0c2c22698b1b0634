using System.CommandLine;
using JobMarket.Warehouse.Runner.Pipeline;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket refresh [--skip-if-running]</c>: the whole pipeline as one recorded run.</summary>
internal sealed class RefreshCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var skipIfRunning = new Option<bool>("--skip-if-running")
        {
            Description = "When another pipeline run holds the lock, skip (exit 0) instead of waiting (Pipeline:LockPolicy).",
        };
        var command = new Command("refresh", "Run the whole pipeline (migrate, extract, build, exports) as one recorded run under the pipeline lock.");
        command.Options.Add(skipIfRunning);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var request = new PipelineRequest("refresh", LockPolicy: parse.GetValue(skipIfRunning) ? LockPolicy.Skip : null);
            var outcome = await warehouse.Get<PipelineRunner>().RunAsync(
                request, warehouse.Get<PipelineStepCatalog>().For("refresh"), StepProgress.To(Console.Out), ct);
            return Report(outcome);
        });
        return command;
    }

    /// <summary>Prints the outcome's summary and maps it to an exit code: failed or cancelled = 1, skipped = 0.</summary>
    internal static int Report(PipelineOutcome outcome)
    {
        if (outcome.Succeeded || outcome.Status == Runs.RunStatus.Skipped)
        {
            Console.WriteLine(outcome.Summary);
            return ExitCodes.Ok;
        }
        Console.Error.WriteLine($"error: {outcome.Summary}");
        return ExitCodes.Failure;
    }
}

using System.CommandLine;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Demo;
using JobMarket.Warehouse.Runner.Pipeline;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>
/// <c>jobmarket demo</c>: the whole product with no configuration and no network — the embedded
/// database, the bundled samples through the extractors' offline transport, the build, an Excel
/// export and the docs — as one recorded run, then a short tour. Safe to run again (idempotent).
/// </summary>
internal sealed class DemoCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("demo", "Run the whole pipeline on the embedded database with the bundled samples, then print a tour.");
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            if (!context.Verbose)
            {
                // The progress lines tell the story; keep the logs for warnings and errors.
                context.Configuration["Logging:LogLevel:JobMarket"] = "Warning";
            }
            Console.WriteLine("JobMarket Warehouse demo (bundled samples, no network)");
            Console.WriteLine(string.IsNullOrWhiteSpace(context.DatabaseOptions.Url)
                ? $"[db] starting the embedded PostgreSQL under {context.DatabaseOptions.EmbeddedDirectory}/ …"
                : "[db] using JOBMARKET_DATABASE_URL …");
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            Console.WriteLine($"[db] {DatabaseUrl.ToUrl(warehouse.ConnectionString)}");

            var outcome = await warehouse.Get<PipelineRunner>().RunAsync(
                new PipelineRequest("demo", PipelineTrigger.Demo), warehouse.Get<PipelineStepCatalog>().Demo(), StepProgress.To(Console.Out), ct);
            if (!outcome.Succeeded)
            {
                RefreshCommand.Report(outcome);
                return ExitCodes.Failure;
            }
            await DemoTour.PrintAsync(Console.Out, warehouse.DataSource, warehouse.ConnectionString, outcome, context.Paths.Home, ct);
            Console.WriteLine();
            Console.WriteLine(outcome.Summary);
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket land --source NAME FILE...</c>: lands recorded response bodies like the extractor would.</summary>
internal sealed class LandCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var source = new Option<string>("--source", "-s") { Description = "The source the files come from: adzuna, france_travail, jsearch, themuse.", Required = true };
        var files = new Argument<string[]>("FILE") { Description = "Response bodies (one page per file).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("land", "Land recorded API response files into raw.*_pages (dedupe by hash, rejects kept), e.g. backfills from archives.");
        command.Options.Add(source);
        command.Arguments.Add(files);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var sources = ExtractCommand.ParseSources(parse.GetValue(source));
            if (sources is not { Count: 1 })
            {
                throw new UsageException("--source takes exactly one source");
            }
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var migration = await warehouse.Get<Migrator>().MigrateAsync(false, ct);
            if (!migration.Successful)
            {
                MigrateCommand.Print(migration, dryRun: false);
                return ExitCodes.Failure;
            }
            var summary = await warehouse.Get<ExtractRunner>().LandFilesAsync(sources[0], parse.GetValue(files)!, ct);
            ExtractDisplay.PrintSummary(summary);
            return ExitCodes.Ok;
        });
        return command;
    }
}

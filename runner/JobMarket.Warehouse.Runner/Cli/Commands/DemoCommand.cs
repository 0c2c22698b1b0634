using System.CommandLine;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Migrations;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket demo</c>: the whole product on the embedded default, with no configuration.</summary>
internal sealed class DemoCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("demo", "Run the whole pipeline on the embedded database with the bundled samples, then print a tour.");
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            Console.WriteLine("1/2 database");
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            Console.WriteLine($"    {DatabaseUrl.ToUrl(warehouse.ConnectionString)}");
            Console.WriteLine("2/2 migrate");
            var result = await warehouse.Get<Migrator>().MigrateAsync(false, ct);
            MigrateCommand.Print(result, dryRun: false);
            return result.Successful ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}

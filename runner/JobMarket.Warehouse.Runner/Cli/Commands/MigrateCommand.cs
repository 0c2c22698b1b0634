using System.CommandLine;
using JobMarket.Warehouse.Runner.Migrations;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket migrate [--dry-run]</c>.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List applied and pending scripts; change nothing." };
        var command = new Command("migrate", "Apply pending migrations/V*.sql scripts, each in its own transaction, journaled with a checksum.");
        command.Options.Add(dryRun);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var result = await warehouse.Get<Migrator>().MigrateAsync(parse.GetValue(dryRun), ct);
            Print(result, parse.GetValue(dryRun));
            return result.Successful ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    internal static void Print(MigrationResult result, bool dryRun)
    {
        if (dryRun)
        {
            foreach (var name in result.AlreadyApplied)
            {
                Console.WriteLine($"  applied  {name}");
            }
            foreach (var name in result.Pending)
            {
                Console.WriteLine($"  pending  {name}");
            }
        }
        foreach (var name in result.Applied)
        {
            Console.WriteLine($"  applied  {name}");
        }
        if (result.Error is { } error)
        {
            Console.Error.WriteLine($"error: {error}");
            return;
        }
        Console.WriteLine(dryRun
            ? $"{result.AlreadyApplied.Count} applied, {result.Pending.Count} pending"
            : result.Applied.Count == 0
                ? $"nothing to do: all {result.AlreadyApplied.Count} migrations are applied"
                : $"applied {result.Applied.Count} migration(s); {result.AlreadyApplied.Count + result.Applied.Count} in total");
    }
}

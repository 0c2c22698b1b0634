using System.CommandLine;
using JobMarket.Warehouse.Runner.Database;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket db start|stop|status|url|psql</c>: the embedded PostgreSQL cluster.</summary>
internal sealed class DbCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var db = new Command("db", "Manage the embedded PostgreSQL cluster (start, stop, status, url, psql).");

        var start = new Command("start", "Start the embedded cluster (or reuse the running one) and print its URL.");
        start.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var connectionString = await Embedded(context).StartAsync(ct);
            Console.WriteLine(DatabaseUrl.ToUrl(connectionString));
            return ExitCodes.Ok;
        });

        var stop = new Command("stop", "Stop the embedded cluster.");
        stop.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            await Embedded(context).StopAsync(ct);
            Console.WriteLine("stopped");
            return ExitCodes.Ok;
        });

        var status = new Command("status", "Say whether the embedded cluster runs, where, and on which port (exit 1 when stopped).");
        status.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            if (!string.IsNullOrWhiteSpace(context.DatabaseOptions.Url))
            {
                Console.WriteLine($"external database: {DatabaseUrl.Redact(DatabaseUrl.ToConnectionString(context.DatabaseOptions.Url))}");
                return ExitCodes.Ok;
            }
            var embedded = Embedded(context);
            var port = await embedded.RunningPortAsync(ct);
            Console.WriteLine(port is { } p
                ? $"running on 127.0.0.1:{p} (data: {embedded.DataDirectory})"
                : $"stopped (data: {embedded.DataDirectory})");
            return port is null ? ExitCodes.Failure : ExitCodes.Ok;
        });

        var url = new Command("url", "Print the connection URL (password masked), starting the embedded cluster if needed.");
        url.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var connectionString = await WarehouseDatabase.ResolveConnectionStringAsync(context.DatabaseOptions, context.Paths, _ => { }, ct);
            Console.WriteLine(DatabaseUrl.ToUrl(connectionString));
            return ExitCodes.Ok;
        });

        var psql = new Command("psql", "Open psql on the warehouse (extra arguments go to psql).");
        var psqlArgs = new Argument<string[]>("psql-args") { Arity = ArgumentArity.ZeroOrMore, Description = "Arguments passed to psql, e.g. -c \"select 1\"." };
        psql.Arguments.Add(psqlArgs);
        psql.TreatUnmatchedTokensAsErrors = false;
        psql.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var connectionString = await WarehouseDatabase.ResolveConnectionStringAsync(context.DatabaseOptions, context.Paths, _ => { }, ct);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            var info = new System.Diagnostics.ProcessStartInfo(PostgresBinaries.TryLocate()?.Psql ?? "psql") { UseShellExecute = false };
            foreach (var a in new[] { "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username ?? "postgres", "-d", builder.Database ?? "postgres" })
            {
                info.ArgumentList.Add(a);
            }
            foreach (var a in (parse.GetValue(psqlArgs) ?? []).Concat(parse.UnmatchedTokens))
            {
                info.ArgumentList.Add(a);
            }
            if (!string.IsNullOrEmpty(builder.Password))
            {
                info.Environment["PGPASSWORD"] = builder.Password;
            }
            using var process = System.Diagnostics.Process.Start(info)!;
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });

        foreach (var sub in new[] { start, stop, status, url, psql })
        {
            db.Subcommands.Add(sub);
        }
        return db;
    }

    private static EmbeddedPostgres Embedded(CliContext context) =>
        WarehouseDatabase.Embedded(context.DatabaseOptions, context.Paths, Console.Error.WriteLine);
}

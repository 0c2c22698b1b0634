using System.CommandLine;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Metabase;
using JobMarket.Warehouse.Runner.Metabase.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket metabase provision|validate|reader-password</c>.</summary>
internal sealed class MetabaseCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var metabase = new Command("metabase", "Metabase on the marts: provision questions and dashboards from metabase/, check the files, set the reader's password.");

        var url = new Option<string?>("--url") { Description = "Metabase's base URL, e.g. http://localhost:3000 (default: Metabase:Url from configuration)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created or changed; change nothing." };
        var rotate = new Option<bool>("--rotate-reader-password") { Description = "Send JOBMARKET_READER_PASSWORD to Metabase's database connection even when nothing else changed." };
        var provision = new Command("provision",
            "First-run setup when needed, register the warehouse through jobmarket_reader, then upsert by name the collection, cards and dashboards. "
            + "Credentials from the environment: MB_ADMIN_EMAIL + MB_ADMIN_PASSWORD or MB_API_KEY, and JOBMARKET_READER_PASSWORD.");
        provision.Options.Add(url);
        provision.Options.Add(dryRun);
        provision.Options.Add(rotate);
        provision.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var content = ContentLoader.Load(context.Paths.Metabase);
            var options = Options(context, parse.GetValue(url));
            using var http = new HttpClient { BaseAddress = new Uri(options.Url!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
            var provisioner = new MetabaseProvisioner(new MetabaseClient(http), options, MetabaseCredentials.FromEnvironment(),
                context.LoggerFactory.CreateLogger<MetabaseProvisioner>());
            var result = await provisioner.ProvisionAsync(content, parse.GetValue(dryRun), parse.GetValue(rotate), ct);
            foreach (var change in result.Changes)
            {
                Console.WriteLine("  " + change.Describe(result.DryRun));
            }
            Console.WriteLine(result.Summary);
            return ExitCodes.Ok;
        });

        var validate = new Command("validate", "Check every metabase/questions/*.sql and metabase/dashboards/*.yml; errors name file, line and field.");
        validate.SetAction((parse, _) =>
        {
            context.Apply(parse);
            var content = ContentLoader.Load(context.Paths.Metabase);
            Console.WriteLine($"{content.Questions.Count} questions and {content.Dashboards.Count} dashboards are valid");
            return Task.FromResult(ExitCodes.Ok);
        });

        var readerPassword = new Command("reader-password",
            $"Set the password of the read-only role {ReaderPassword.Role} from {MetabaseCredentials.ReaderPasswordVariable} (a deploy-time step, after migrate).");
        readerPassword.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var password = MetabaseCredentials.FromEnvironment().ReaderPassword
                ?? throw new UsageException($"{MetabaseCredentials.ReaderPasswordVariable} is not set");
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            await warehouse.Get<ReaderPassword>().SetAsync(password, ct);
            Console.WriteLine($"password of {ReaderPassword.Role} set");
            return ExitCodes.Ok;
        });

        var runs = new Option<int>("--runs") { Description = "Timed runs per question.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs first, per question.", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Time every question as jobmarket_reader with its default filters: p50, p95 and max in milliseconds (goal: p95 under 200 ms).");
        bench.Options.Add(runs);
        bench.Options.Add(warmup);
        bench.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            if (parse.GetValue(runs) < 1 || parse.GetValue(warmup) < 0)
            {
                throw new UsageException("--runs must be at least 1 and --warmup at least 0");
            }
            var content = ContentLoader.Load(context.Paths.Metabase);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var timings = await new QuestionBenchmark(warehouse.DataSource).RunAsync(content.Questions, parse.GetValue(runs), parse.GetValue(warmup), ct);
            Console.WriteLine("| question | rows | p50 ms | p95 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var t in timings)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"| {t.Question} | {t.Rows} | {t.P50Milliseconds:F1} | {t.P95Milliseconds:F1} | {t.MaxMilliseconds:F1} |"));
            }
            return timings.All(t => t.P95Milliseconds < 200) ? ExitCodes.Ok : ExitCodes.Failure;
        });

        foreach (var sub in new[] { provision, validate, readerPassword, bench })
        {
            metabase.Subcommands.Add(sub);
        }
        return metabase;
    }

    /// <summary>Options from configuration; the warehouse address defaults to <c>JOBMARKET_DATABASE_URL</c>'s.</summary>
    internal static MetabaseOptions Options(CliContext context, string? url)
    {
        var options = context.Configuration.GetSection("Metabase").Get<MetabaseOptions>() ?? new MetabaseOptions();
        options.Url = url ?? options.Url;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            throw new UsageException("--url is required (or set JOBMARKET_Metabase__Url)");
        }
        if (context.DatabaseOptions.Url is { Length: > 0 } databaseUrl)
        {
            var warehouse = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(databaseUrl));
            options.WarehouseHost ??= warehouse.Host;
            options.WarehousePort ??= warehouse.Port;
            options.WarehouseDatabase ??= warehouse.Database;
        }
        options.Validate();
        return options;
    }
}

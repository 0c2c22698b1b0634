using System.CommandLine;
using System.Globalization;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Runner.Extraction;
using JobMarket.Warehouse.Runner.Migrations;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket extract [--source NAME] [--since DATE] [--max-pages N] [--samples]</c>.</summary>
internal sealed class ExtractCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var source = new Option<string?>("--source", "-s") { Description = "Only these sources (comma-separated): adzuna, france_travail, jsearch, themuse." };
        var since = new Option<string?>("--since") { Description = "Fetch postings since this date (yyyy-MM-dd or ISO 8601, UTC); default: since the last finished run." };
        var maxPages = new Option<int?>("--max-pages") { Description = "Stop each source after N pages; the next run resumes where it stopped." };
        var samples = new Option<bool>("--samples") { Description = "Replay the bundled extract/samples through the same clients, offline." };
        var command = new Command("extract", "Fetch job postings from the APIs into raw.*_pages (credentials from environment variables).");
        command.Options.Add(source);
        command.Options.Add(since);
        command.Options.Add(maxPages);
        command.Options.Add(samples);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var request = new ExtractRequest(
                ParseSources(parse.GetValue(source)),
                ParseSince(parse.GetValue(since)),
                parse.GetValue(maxPages) is { } max ? (max >= 1 ? max : throw new UsageException("--max-pages must be at least 1")) : null,
                parse.GetValue(samples));
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var migration = await warehouse.Get<Migrator>().MigrateAsync(false, ct);
            if (!migration.Successful)
            {
                MigrateCommand.Print(migration, dryRun: false);
                return ExitCodes.Failure;
            }
            var runner = warehouse.Get<ExtractRunner>();
            var display = new ExtractDisplay();
            var summary = await display.RunAsync(request.EffectiveSources, progress => runner.RunAsync(request, progress, ct));
            ExtractDisplay.PrintSummary(summary);
            return summary.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    internal static IReadOnlyList<JobSource>? ParseSources(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var sources = new List<JobSource>();
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!JobSourceNames.TryParse(name, out var parsed))
            {
                throw new UsageException($"unknown source '{name}'; expected one of {string.Join(", ", Enum.GetValues<JobSource>().Select(s => s.CliName()))}");
            }
            sources.Add(parsed);
        }
        return sources.Distinct().ToList();
    }

    internal static DateTimeOffset? ParseSince(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since))
        {
            throw new UsageException($"--since: '{value}' is not a date (expected yyyy-MM-dd or ISO 8601)");
        }
        return since > DateTimeOffset.UtcNow ? throw new UsageException($"--since: {value} is in the future") : since;
    }
}

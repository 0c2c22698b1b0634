using System.CommandLine;
using System.Globalization;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Runner.Synthetic;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>
/// <c>jobmarket synth --postings N [--days D] [--seed S] [--start-date yyyy-MM-dd] [--full-scan-every K] [--first-day F]</c>
/// lands synthetic pages of the four sources in <c>raw</c>; <c>jobmarket synth --samples</c> rewrites the bundled samples.
/// </summary>
internal sealed class SynthCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var postings = new Option<long>("--postings") { Description = "Jobs open on the first day (later days add about 2% new ones each).", DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--days") { Description = "Days of fetches, one per day from --start-date.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and options give the same pages, byte for byte.", DefaultValueFactory = _ => 42 };
        var startDate = new Option<string>("--start-date") { Description = "First fetch day, yyyy-MM-dd (UTC).", DefaultValueFactory = _ => "2026-11-01" };
        var fullScanEvery = new Option<int>("--full-scan-every") { Description = "Every K-th day re-lists all open jobs; other days list only new ones (0: only the first day).", DefaultValueFactory = _ => 1 };
        var firstDay = new Option<int>("--first-day") { Description = "Skip days before this one (landed earlier with the same options).", DefaultValueFactory = _ => 0 };
        var samples = new Option<bool>("--samples") { Description = "Rewrite extract/samples/<source>/page-NNNN.json (no database) instead of landing in raw." };
        var command = new Command("synth", "Land realistic synthetic response pages of Adzuna, France Travail, JSearch and The Muse in raw, for scale tests.");
        foreach (var option in new Option[] { postings, days, seed, startDate, fullScanEvery, firstDay, samples })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            if (parse.GetValue(samples))
            {
                return WriteSamples(context, ct);
            }
            var options = ParseOptions(parse.GetValue(postings), parse.GetValue(days), parse.GetValue(seed), parse.GetValue(startDate)!,
                parse.GetValue(fullScanEvery), parse.GetValue(firstDay));
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var recorder = warehouse.Get<RunRecorder>();
            var runId = await recorder.StartRunAsync("synth", new
            {
                postings = options.Postings, days = options.Days, seed = options.Seed, start_date = options.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                full_scan_every = options.FullScanEvery, first_day = options.FirstDay,
            }, ct);
            var lander = new SynthLander(warehouse.DataSource, recorder, context.LoggerFactory.CreateLogger<SynthLander>());
            try
            {
                var report = await LandWithProgressAsync(lander, runId, options, ct);
                await recorder.FinishRunAsync(runId, RunStatus.Success, ct: ct);
                Print(report);
                return ExitCodes.Ok;
            }
            catch (Exception ex)
            {
                await recorder.FinishRunAsync(runId, ex is OperationCanceledException ? RunStatus.Cancelled : RunStatus.Failed, ex.Message, CancellationToken.None);
                throw;
            }
        });
        return command;
    }

    internal static SyntheticOptions ParseOptions(long postings, int days, int seed, string startDate, int fullScanEvery, int firstDay)
    {
        if (!DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw new UsageException($"--start-date: expected yyyy-MM-dd, got '{startDate}'");
        }
        var options = new SyntheticOptions { Postings = postings, Days = days, Seed = seed, StartDate = start, FullScanEvery = fullScanEvery, FirstDay = firstDay };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"{ex.Message.Split(" (Parameter", 2)[0]} (got {ex.ActualValue})");
        }
        return options;
    }

    private static int WriteSamples(CliContext context, CancellationToken ct)
    {
        var logger = context.LoggerFactory.CreateLogger<SynthCommand>();
        var counts = SampleSetWriter.Write(context.Paths.Samples, ct: ct);
        foreach (var (source, (pages, postings)) in counts)
        {
            Log.SamplesWritten(logger, source.CliName(), pages, postings);
            Console.WriteLine($"  {source.CliName(),-15} {pages,4} pages  {postings,6} postings");
        }
        Console.WriteLine($"wrote {counts.Values.Sum(c => c.Postings)} postings to {Path.GetRelativePath(context.Paths.Home, context.Paths.Samples)}");
        return ExitCodes.Ok;
    }

    private static async Task<SynthReport> LandWithProgressAsync(SynthLander lander, long runId, SyntheticOptions options, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await lander.LandAsync(runId, options, ct: ct);
        }
        SynthReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                ProgressTask? current = null;
                report = await lander.LandAsync(runId, options,
                    (day, listed) =>
                    {
                        current?.StopTask();
                        current = progress.AddTask($"day {options.StartDate.AddDays(day):yyyy-MM-dd}: {listed:N0} postings", maxValue: Math.Max(1, listed));
                    },
                    landed => current?.Increment(landed),
                    ct);
                current?.StopTask();
            });
        return report!;
    }

    private static void Print(SynthReport report)
    {
        var table = new Table().AddColumns("source", "pages landed", "already there", "postings");
        foreach (var (source, (pages, duplicates, postings)) in report.BySource.OrderBy(p => p.Key))
        {
            table.AddRow(source.CliName(), pages.ToString("N0", CultureInfo.InvariantCulture), duplicates.ToString("N0", CultureInfo.InvariantCulture), postings.ToString("N0", CultureInfo.InvariantCulture));
        }
        table.AddRow("total", report.Landed.ToString("N0", CultureInfo.InvariantCulture), report.Duplicates.ToString("N0", CultureInfo.InvariantCulture), report.Postings.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        var rate = report.Postings / Math.Max(0.001, report.Elapsed.TotalSeconds);
        Console.WriteLine($"synth: {report.Postings:N0} postings in {report.Pages:N0} pages over {report.Days} day(s) in {report.Elapsed.TotalSeconds:F1} s ({rate:N0} postings/s)");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using JobMarket.Warehouse.Runner.Runs;
using Spectre.Console;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary><c>jobmarket runs [--limit N] [--json]</c>: recent runs with their steps.</summary>
internal sealed class RunsCommand : ICliCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Readable error texts (quotes, accents); the output is data, never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Command Build(CliContext context)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many runs, newest first.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON (the default when stdout is not a terminal)." };
        var command = new Command("runs", "Show recent runs with their steps, durations, row counts and errors.");
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            var count = parse.GetValue(limit);
            if (count is < 1 or > 1000)
            {
                throw new UsageException($"--limit must be between 1 and 1000, got {count}");
            }
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var runs = await warehouse.Get<RunHistory>().RecentAsync(count, ct);
            if (parse.GetValue(json) || Console.IsOutputRedirected)
            {
                Console.WriteLine(JsonSerializer.Serialize(runs, s_json));
            }
            else
            {
                AnsiConsole.Write(Table(runs));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table Table(IReadOnlyList<RunSummary> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var column in new[] { "run", "command", "trigger", "status", "started (UTC)", "duration", "step", "rows", "error" })
        {
            table.AddColumn(column);
        }
        foreach (var run in runs)
        {
            table.AddRow(
                run.RunId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(run.Job is null ? run.Command : $"{run.Command} ({run.Job})"),
                run.Trigger,
                Status(run.Status),
                run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Seconds(run.DurationSeconds), "", "",
                Markup.Escape(run.Error ?? ""));
            foreach (var step in run.Steps)
            {
                table.AddRow("", "", "", Status(step.Status), "", Seconds(step.DurationSeconds),
                    Markup.Escape(step.Step), step.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "", Markup.Escape(step.Error ?? ""));
            }
        }
        return table;
    }

    private static string Status(string status) => status switch
    {
        RunStatus.Success => "[green]success[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Cancelled => "[yellow]cancelled[/]",
        RunStatus.Running => "[blue]running[/]",
        _ => Markup.Escape(status),
    };

    private static string Seconds(double? seconds) =>
        seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "";
}

using System.Globalization;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Runner.Extraction;
using Spectre.Console;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>
/// Shows extract progress per source (Spectre.Console bars on a terminal, plain lines otherwise)
/// and the summary table. Reports come from several sources at once, so updates take a lock.
/// </summary>
internal sealed class ExtractDisplay : IProgress<SourceSummary>
{
    private const int PlainEveryPages = 25;
    private readonly Lock _lock = new();
    private readonly Dictionary<JobSource, ProgressTask> _tasks = [];
    private readonly Dictionary<JobSource, SourceSummary> _last = [];
    private ProgressContext? _context;

    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> under a live progress display (or plain lines).</summary>
    public async Task<T> RunAsync<T>(IReadOnlyList<JobSource> sources, Func<IProgress<SourceSummary>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(this);
        }
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                lock (_lock)
                {
                    _context = context;
                    foreach (var source in sources)
                    {
                        var task = context.AddTask(Describe(SourceSummary.Start(source)), maxValue: 1);
                        task.IsIndeterminate = true;
                        _tasks[source] = task;
                    }
                }
                return await work(this);
            });
    }

    public void Report(SourceSummary value)
    {
        lock (_lock)
        {
            if (_context is not null && _tasks.TryGetValue(value.Source, out var task))
            {
                task.Description = Describe(value);
                if (value.IsFinished)
                {
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
                return;
            }
            var previous = _last.GetValueOrDefault(value.Source);
            _last[value.Source] = value;
            if (previous is null || previous.Status != value.Status || value.Pages / PlainEveryPages != previous.Pages / PlainEveryPages)
            {
                Console.WriteLine(Describe(value).RemoveMarkup());
            }
        }
    }

    private static string Describe(SourceSummary s)
    {
        var status = s.Status switch
        {
            SourceStatus.Failed => "[red]failed[/]",
            SourceStatus.Skipped => "[grey]skipped[/]",
            SourceStatus.Succeeded => "[green]done[/]",
            SourceStatus.Partial => "[yellow]page budget reached[/]",
            _ => s.Status.ToString().ToLowerInvariant(),
        };
        var detail = s.Status == SourceStatus.Skipped || (s.Status == SourceStatus.Failed && s.Pages == 0)
            ? $" ({Markup.Escape(s.Message ?? "")})"
            : $", {s.Pages} pages, {s.Postings} postings, {s.Rejects} rejects";
        return $"{s.Source.CliName(),-15} {status}{detail}";
    }

    /// <summary>The summary table: pages, postings, landed, duplicates, rejects, retries, duration per source.</summary>
    public static void PrintSummary(ExtractSummary summary)
    {
        string[] headers = ["source", "status", "pages", "postings", "landed", "duplicates", "rejects", "retries", "duration"];
        var rows = summary.Sources.Select(s => new[]
        {
            s.Source.CliName(),
            s.Status.ToString().ToLowerInvariant(),
            N(s.Pages), N(s.Postings), N(s.Landed), N(s.Duplicates), N(s.Rejects), N(s.Retries),
            s.Duration.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture),
        }).ToList();
        if (Interactive)
        {
            var table = new Table().Title($"extract run {summary.RunId}");
            foreach (var (header, index) in headers.Select((h, i) => (h, i)))
            {
                table.AddColumn(index >= 2 ? new TableColumn(header).RightAligned() : new TableColumn(header));
            }
            foreach (var row in rows)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }
            AnsiConsole.Write(table);
        }
        else
        {
            var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            Console.WriteLine($"run {summary.RunId}");
            foreach (var row in rows.Prepend(headers))
            {
                Console.WriteLine(string.Join("  ", row.Select((cell, i) => i >= 2 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
            }
        }
        foreach (var failed in summary.Sources.Where(s => s.Status is SourceStatus.Failed or SourceStatus.Skipped))
        {
            Console.WriteLine($"{failed.Source.CliName()}: {failed.Status.ToString().ToLowerInvariant()}: {failed.Message}");
        }
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

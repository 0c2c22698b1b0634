using System.Globalization;
using JobMarket.Warehouse.Runner.Pipeline;
using JobMarket.Warehouse.Runner.Runs;

namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>Prints a pipeline's progress, one line per step start and end (the same on a terminal and in logs).</summary>
internal static class StepProgress
{
    public static Action<StepReport> To(TextWriter writer) => report =>
    {
        var position = $"[{report.Index}/{report.Count}]";
        if (report.Status == RunStatus.Running)
        {
            writer.WriteLine($"{position} {report.Step} …");
            return;
        }
        var rows = report.Rows is { } r ? $", {r.ToString("N0", CultureInfo.InvariantCulture)} rows" : "";
        var seconds = report.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "";
        var message = report.Message is { Length: > 0 } m ? $": {m}" : "";
        writer.WriteLine($"{position} {report.Step} {report.Status} ({seconds}{rows}){message}");
    };
}

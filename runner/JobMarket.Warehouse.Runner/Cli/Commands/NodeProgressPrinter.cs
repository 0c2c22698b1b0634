using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Models.Testing;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>
/// Prints one line per finished node (and per failing test); on a terminal the status is coloured
/// and a "running" line shows what is in flight. Synchronous, so lines never interleave.
/// </summary>
internal sealed class NodeProgressPrinter(TextWriter writer, bool terminal) : IProgress<NodeProgress>
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _running = [];
    private int _done;

    public void Report(NodeProgress value)
    {
        lock (_lock)
        {
            if (value.Result is null)
            {
                _running.Add(value.Node);
                Status(value.Total);
                return;
            }
            _running.Remove(value.Node);
            _done++;
            var r = value.Result;
            ClearStatus();
            var rows = r.Rows is { } n ? $"{n} rows, " : "";
            writer.WriteLine($"{_done,4}/{value.Total} {Colour(r.Status),-8} {r.Materialization,-17} {(r.Relation.Length > 0 ? r.Relation : r.Name)} [{rows}{r.Elapsed.TotalSeconds:0.00}s]");
            foreach (var test in r.Tests.Where(t => t.Status != TestStatus.Pass))
            {
                writer.WriteLine($"          {Colour(test.Status)} {test.Name}: {test.Message}");
            }
            if (r.Status is NodeStatus.Error or NodeStatus.Skipped && r.Message is { } message && r.Tests.All(t => t.Status == TestStatus.Pass))
            {
                writer.WriteLine($"          {message}");
            }
            Status(value.Total);
        }
    }

    private void Status(int total)
    {
        if (terminal && _running.Count > 0)
        {
            var line = $"  running ({_done}/{total} done): {string.Join(", ", _running.Take(4))}{(_running.Count > 4 ? ", ..." : "")}";
            writer.Write("\r" + (line.Length > 118 ? line[..118] : line));
        }
    }

    private void ClearStatus()
    {
        if (terminal)
        {
            writer.Write("\r\u001b[2K");
        }
    }

    private string Colour(string status)
    {
        var text = status.ToUpperInvariant();
        if (!terminal)
        {
            return text;
        }
        var code = status switch
        {
            NodeStatus.Success or TestStatus.Pass => "32",
            NodeStatus.Warn => "33",
            NodeStatus.Skipped => "90",
            _ => "31",
        };
        return $"\u001b[{code}m{text,-8}\u001b[0m";
    }
}

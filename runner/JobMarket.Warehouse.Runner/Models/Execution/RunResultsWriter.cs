using System.Text.Json;

namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Writes <c>target/run_results.json</c> (replaced atomically), the machine-readable record of a build.</summary>
internal static class RunResultsWriter
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<string> WriteAsync(string targetPath, BuildRequest request, BuildResult result, CancellationToken ct = default)
    {
        Directory.CreateDirectory(targetPath);
        var document = new
        {
            RunId = result.RunId,
            Command = result.Command.ToString().ToLowerInvariant(),
            GeneratedAt = DateTimeOffset.UtcNow,
            ElapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
            Success = result.Succeeded,
            Args = new { request.Select, request.Exclude, request.FullRefresh, request.Threads },
            Results = result.Nodes.Select(n => new
            {
                UniqueId = $"{n.ResourceType}.{n.Name}",
                n.Name,
                n.ResourceType,
                n.Relation,
                n.Materialization,
                n.Status,
                n.Selected,
                RowsAffected = n.Rows,
                ExecutionTime = Math.Round(n.Elapsed.TotalSeconds, 3),
                n.Message,
                Tests = n.Tests.Select(t => new { t.Name, t.Severity, t.Status, t.Failures, t.Message }),
            }),
        };
        var path = Path.Combine(targetPath, "run_results.json");
        var temp = path + $".{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(document, s_json), ct);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}

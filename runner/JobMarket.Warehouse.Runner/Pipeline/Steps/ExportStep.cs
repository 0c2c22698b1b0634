using JobMarket.Warehouse.Runner.Exports;

namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>
/// Writes the export workbooks (all, or the names given as arguments; <c>k=v</c> arguments are
/// parameters); rows = data rows written. Any failed export fails the step, after the others ran.
/// Before the first build (no marts) the step is skipped with that reason.
/// </summary>
internal sealed class ExportStep(ExportRunner exports) : IPipelineStep
{
/// Writes Excel workbooks through the export runner: the named exports, else (refresh) the exports
/// that declare a schedule, else (demo) the first definition. Rows = data rows written.
/// </summary>
internal sealed class ExportStep(ExportRunner exports, ExportStep.Which which) : IPipelineStep
{
    public enum Which
    {
        /// <summary>The job's arguments when given, else every export with a schedule.</summary>
        Scheduled,

        /// <summary>One workbook for the demo: the first definition.</summary>
        First,
    }

    public string Name => "export";

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        if (!await exports.MartsExistAsync(ct))
        {
            const string reason = "nothing to export: the marts are not built yet";
            return new StepResult(null, new { reason }, reason);
        }
        var arguments = context.Request.Arguments ?? [];
        var parameters = arguments.Where(a => a.Contains('=', StringComparison.Ordinal))
            .Select(a => a.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.Ordinal);
        var names = arguments.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
        var outcomes = await exports.ExportAsync(new ExportRequest(names, parameters), ct);
        var failed = outcomes.Where(o => !o.Successful).ToList();
        if (failed.Count > 0)
        {
            throw new WarehouseException($"export failed: {string.Join("; ", failed.Select(f => $"{f.Name}: {f.Error}"))}");
        }
        return StepResult.Done(outcomes.Sum(o => o.Rows), new
        {
            exports = outcomes.Select(o => new { name = o.Name, rows = o.Rows, files = o.Files.Select(Path.GetFileName) }),
        });
        var names = context.Request.Arguments is { Count: > 0 } given ? given
            : which == Which.Scheduled ? exports.ListScheduled().Select(s => s.Name).ToList()
            : exports.LoadDefinitions().Select(d => d.Name).Take(1).ToList();
        if (names.Count == 0)
        {
            return which == Which.First
                ? StepResult.NotAvailable("not available yet: no export definitions under models/exports")
                : StepResult.Done(0, new { exports = Array.Empty<string>(), reason = "no export declares a schedule" });
        }
        var result = await exports.RunAsync(new ExportRequest(names), ct);
        if (!result.Successful)
        {
            throw new WarehouseException($"export run {result.RunId}: " + string.Join("; ", result.Exports.Where(e => !e.Successful).Select(e => $"{e.Name}: {e.Error}")));
        }
        return StepResult.Done(result.Exports.Sum(e => e.Rows), new { export_run_id = result.RunId, files = result.Files.ToList() });
    }
}

using JobMarket.Warehouse.Runner.Extraction;

namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>
/// Lands raw pages through the extractors: the configured sources (a source without credentials is
/// skipped by the extractor), or the bundled samples through the offline transport (the demo).
/// Rows = postings landed. A failed source fails the step, naming the source.
/// </summary>
internal sealed class ExtractStep(ExtractRunner extractor, bool samples) : IPipelineStep
{
    public string Name => "extract";

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        var summary = await extractor.RunAsync(new ExtractRequest(Samples: samples), null, ct);
        var sources = summary.Sources.Select(s => new { source = s.Source.ToString(), status = s.Status.ToString(), s.Pages, s.Postings, s.Landed, s.Duplicates, s.Rejects }).ToList();
        if (!summary.Succeeded)
        {
            var failed = summary.Sources.Where(s => s.Status is SourceStatus.Failed).Select(s => $"{s.Source}: {s.Message}");
            throw new WarehouseException($"extract run {summary.RunId} failed: {string.Join("; ", failed)}");
        }
        return StepResult.Done(summary.Sources.Sum(s => (long)s.Landed), new { extract_run_id = summary.RunId, samples, sources });
    }
}

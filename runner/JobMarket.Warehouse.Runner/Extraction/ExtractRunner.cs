using System.Diagnostics;
using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Extraction;

/// <summary>
/// Runs the extractors: one <c>audit.run</c> per call and one <c>audit.run_step</c> per source, sources
/// in parallel, each page landed with its watermark in one transaction. A source without
/// credentials is skipped, a failing source stops alone, the others go on. Also lands recorded
/// response files (<see cref="LandFilesAsync"/>) through the same writer.
/// </summary>
internal sealed class ExtractRunner(
    NpgsqlDataSource dataSource,
    RunRecorder recorder,
    ExtractOptions options,
    string samplesFolder,
    ILoggerFactory loggers,
    Func<string, string?>? environment = null,
    Func<JobSource, HttpMessageHandler?>? transport = null)
{
    /// <summary>Pages per COPY transaction when landing files.</summary>
    private const int LandBatchPages = 200;

    private readonly ILogger _logger = loggers.CreateLogger<ExtractRunner>();
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public async Task<ExtractSummary> RunAsync(ExtractRequest request, IProgress<SourceSummary>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxPages is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxPages, "--max-pages must be at least 1");
        }
        if (!request.Samples)
        {
            ValidateOptions();
        }
        var sources = request.EffectiveSources;
        var runId = await recorder.StartRunAsync(request.Samples ? "extract --samples" : "extract", new
        {
            sources = sources.Select(s => s.CliName()).ToArray(),
            since = request.Since,
            max_pages = request.MaxPages,
            samples = request.Samples,
        }, ct);
        var steps = new Dictionary<JobSource, int>();
        foreach (var source in sources)
        {
            steps[source] = await recorder.StartStepAsync(runId, $"extract {source.CliName()}", ct);
            progress?.Report(SourceSummary.Start(source));
        }
        using var factory = new JobSourceClientFactory(options, loggers);
        var summaries = await Task.WhenAll(sources.Select(source => RunSourceAsync(runId, steps[source], source, request, factory, progress, ct)));
        var summary = new ExtractSummary(runId, summaries);
        var status = summaries.Any(s => s.Status == SourceStatus.Cancelled) ? RunStatus.Cancelled
            : summary.Succeeded ? RunStatus.Success : RunStatus.Failed;
        var errors = string.Join("; ", summaries.Where(s => s.Status == SourceStatus.Failed).Select(s => $"{s.Source.CliName()}: {s.Message}"));
        await recorder.FinishRunAsync(runId, status, errors.Length == 0 ? null : errors, CancellationToken.None);
        ct.ThrowIfCancellationRequested();
        return summary;
    }

    /// <summary>Checks every source's options up front, so a bad value fails before any request.</summary>
    public void ValidateOptions()
    {
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new WarehouseException($"invalid configuration: {ex.Message}");
        }
    }

    private async Task<SourceSummary> RunSourceAsync(
        long runId, int step, JobSource source, ExtractRequest request, JobSourceClientFactory factory, IProgress<SourceSummary>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var summary = SourceSummary.Start(source) with { Status = SourceStatus.Running };
        IJobSourceClient? client = null;
        try
        {
            string? skip;
            (client, skip) = CreateClient(source, request, factory);
            if (client is null)
            {
                Log.SourceSkipped(_logger, source.CliName(), skip!);
                summary = summary with { Status = SourceStatus.Skipped, Message = skip };
                await recorder.FinishStepAsync(runId, step, RunStatus.Skipped, 0, new { reason = skip }, ct: ct);
                progress?.Report(summary);
                return summary;
            }
            progress?.Report(summary);
            var watermarks = new WatermarkStore(dataSource);
            var scope = request.Samples ? WatermarkStore.SamplesScope : WatermarkStore.LiveScope;
            var plan = await watermarks.OpenWindowAsync(source, scope, request.Since, incremental: !request.Samples, ct);
            Log.SourceWindow(_logger, source.CliName(), plan.Window.From?.ToString("O") ?? "(initial depth)", plan.Window.To.ToString("O"),
                plan.Partitions.Count > 0 ? $", resuming {plan.Partitions.Count} partition(s)" : "");
            var writer = new RawPageWriter(dataSource);
            var exhausted = false;
            await foreach (var page in client.FetchAsync(plan, ct))
            {
                var landed = await writer.WriteAsync(runId, page.Page is null ? [] : [page.Page], page.Watermark, ct);
                summary = summary with
                {
                    Pages = summary.Pages + (page.Page is null ? 0 : 1),
                    Postings = summary.Postings + page.Postings,
                    Landed = summary.Landed + landed.Landed,
                    Duplicates = summary.Duplicates + landed.Duplicates,
                    Rejects = summary.Rejects + landed.Rejected,
                    Retries = client.Retries,
                    Duration = stopwatch.Elapsed,
                };
                progress?.Report(summary);
                if (request.MaxPages is { } max && summary.Pages >= max)
                {
                    exhausted = true;
                    Log.PageBudgetReached(_logger, source.CliName(), max);
                    break;
                }
            }
            if (!exhausted)
            {
                await watermarks.CloseWindowAsync(source, scope, plan.Window, ct);
            }
            summary = summary with { Status = exhausted ? SourceStatus.Partial : SourceStatus.Succeeded, Retries = client.Retries, Duration = stopwatch.Elapsed };
            await recorder.FinishStepAsync(runId, step, RunStatus.Success, summary.Landed, Detail(summary, plan.Window), ct: ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            summary = summary with { Status = SourceStatus.Cancelled, Retries = client?.Retries ?? 0, Duration = stopwatch.Elapsed, Message = "cancelled" };
            await recorder.FinishStepAsync(runId, step, RunStatus.Cancelled, summary.Landed, Detail(summary, null), "cancelled", CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One source failing must not stop the others: record it and return.
            // An expected stop (status, quota, retries spent) needs no stack trace.
            Log.SourceFailed(_logger, source.CliName(), ex.Message, ex is SourceFailedException ? null : ex);
            summary = summary with { Status = SourceStatus.Failed, Retries = client?.Retries ?? 0, Duration = stopwatch.Elapsed, Message = ex.Message };
            await recorder.FinishStepAsync(runId, step, RunStatus.Failed, summary.Landed, Detail(summary, null), ex.Message, CancellationToken.None);
        }
        Log.SourceFinished(_logger, source.CliName(), summary.Status.ToString().ToLowerInvariant(), summary.Pages, summary.Postings,
            summary.Landed, summary.Duplicates, summary.Rejects, summary.Retries);
        progress?.Report(summary);
        return summary;
    }

    private (IJobSourceClient? Client, string? SkipReason) CreateClient(JobSource source, ExtractRequest request, JobSourceClientFactory factory)
    {
        if (request.Samples)
        {
            var folder = request.SamplesFolder ?? samplesFolder;
            var hasPages = Directory.Exists(Path.Combine(folder, source.CliName()))
                && Directory.EnumerateFiles(Path.Combine(folder, source.CliName()), "page-*.json").Any();
            return hasPages
                ? (factory.CreateForSamples(source, folder), null)
                : (null, $"no sample pages in {Path.Combine("extract", "samples", source.CliName())}");
        }
        if (!options.For(source).Enabled)
        {
            return (null, $"disabled by Extract:{source}:Enabled");
        }
        var client = factory.Create(source, _environment, out var skip, transport?.Invoke(source));
        return (client, skip);
    }

    private static object Detail(SourceSummary summary, ExtractWindow? window) => new
    {
        pages = summary.Pages,
        postings = summary.Postings,
        landed = summary.Landed,
        duplicates = summary.Duplicates,
        rejects = summary.Rejects,
        retries = summary.Retries,
        duration_ms = (long)summary.Duration.TotalMilliseconds,
        partial = summary.Status == SourceStatus.Partial,
        window_from = window?.From,
        window_to = window?.To,
    };

    /// <summary>
    /// Lands recorded response bodies (backfills, replays) exactly as the extractor would: same
    /// writer, same dedupe and rejects; the endpoint is <c>file</c> and the partition the file name.
    /// </summary>
    public async Task<ExtractSummary> LandFilesAsync(JobSource source, IReadOnlyList<string> files, CancellationToken ct = default)
    {
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new WarehouseException($"file not found: {string.Join(", ", missing)}");
        }
        var stopwatch = Stopwatch.StartNew();
        var runId = await recorder.StartRunAsync("land", new { source = source.CliName(), files = files.Count }, ct);
        var step = await recorder.StartStepAsync(runId, $"land {source.CliName()}", ct);
        var writer = new RawPageWriter(dataSource);
        var result = LandingResult.Empty;
        var postings = 0;
        try
        {
            foreach (var batch in files.Chunk(LandBatchPages))
            {
                var pages = new List<RawPage>();
                foreach (var file in batch)
                {
                    var body = await File.ReadAllBytesAsync(file, ct);
                    postings += JsonPage.Postings(source, body);
                    var name = Path.GetFileName(file);
                    pages.Add(new RawPage(source, "file", $"file:{name}",
                        System.Text.Json.JsonSerializer.Serialize(new { file = name }), 200, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero), body));
                }
                result = result.Add(await writer.WriteAsync(runId, pages, null, ct));
            }
        }
        catch (Exception ex)
        {
            var status = ex is OperationCanceledException ? RunStatus.Cancelled : RunStatus.Failed;
            await recorder.FinishStepAsync(runId, step, status, result.Landed, error: ex.Message, ct: CancellationToken.None);
            await recorder.FinishRunAsync(runId, status, ex.Message, CancellationToken.None);
            throw;
        }
        Log.FilesLanded(_logger, files.Count, source.RawTable(), result.Landed, result.Duplicates, result.Rejected);
        var summary = new SourceSummary(source, SourceStatus.Succeeded, files.Count, postings, result.Landed, result.Duplicates, result.Rejected, 0, stopwatch.Elapsed);
        await recorder.FinishStepAsync(runId, step, RunStatus.Success, result.Landed, Detail(summary, null), ct: ct);
        await recorder.FinishRunAsync(runId, RunStatus.Success, ct: ct);
        return new ExtractSummary(runId, [summary]);
    }
}

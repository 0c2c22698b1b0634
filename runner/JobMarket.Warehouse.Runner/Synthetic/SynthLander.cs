using System.Diagnostics;
using System.Threading.Channels;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Synthetic;

/// <summary>
/// Lands synthetic pages in <c>raw.*_pages</c> through <see cref="RawPageWriter"/>: one thread generates
/// pages while another COPYs the previous batch, so the two cores overlap. Each day is an
/// <c>audit.run_step</c> of the run.
/// </summary>
internal sealed class SynthLander(NpgsqlDataSource dataSource, RunRecorder recorder, ILogger<SynthLander> logger)
{
    // A batch is one COPY transaction: large enough to amortise the round trips, small enough to stream.
    private const int BatchBytes = 8 * 1024 * 1024;
    private const int BatchPages = 500;

    public async Task<SynthReport> LandAsync(long runId, SyntheticOptions options, Action<int, long>? dayStarted = null, Action<int>? postingsLanded = null, CancellationToken ct = default)
    {
        var pager = new SyntheticPager(options);
        var writer = new RawPageWriter(dataSource);
        var report = new SynthReport();
        var clock = Stopwatch.StartNew();
        for (var day = options.FirstDay; day < options.Days; day++)
        {
            var step = await recorder.StartStepAsync(runId, $"day {options.StartDate.AddDays(day):yyyy-MM-dd}", ct);
            var dayReport = new SynthReport();
            try
            {
                var listing = pager.List(day, ct);
                dayStarted?.Invoke(day, listing.Count);
                await LandDayAsync(runId, pager, listing, writer, dayReport, postingsLanded, ct);
            }
            catch (Exception ex)
            {
                await recorder.FinishStepAsync(runId, step, ex is OperationCanceledException ? RunStatus.Cancelled : RunStatus.Failed, error: ex.Message, ct: CancellationToken.None);
                throw;
            }
            foreach (var (source, (pages, duplicates, postings)) in dayReport.BySource)
            {
                report.Add(source, pages, duplicates, postings);
            }
            await recorder.FinishStepAsync(runId, step, RunStatus.Success, dayReport.Landed,
                new { postings = dayReport.Postings, pages = dayReport.Pages, landed = dayReport.Landed, duplicates = dayReport.Duplicates }, ct: ct);
            Log.SynthDay(logger, day, options.StartDate.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                dayReport.Postings, dayReport.Pages, dayReport.Landed, dayReport.Duplicates);
        }
        report.Days = options.Days - options.FirstDay;
        report.Elapsed = clock.Elapsed;
        Log.SynthFinished(logger, report.Postings, report.Pages, report.Days, report.Elapsed.TotalSeconds);
        return report;
    }

    private static async Task LandDayAsync(long runId, SyntheticPager pager, DayListing listing, RawPageWriter writer, SynthReport report, Action<int>? postingsLanded, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<List<SyntheticPage>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<SyntheticPage>();
                var bytes = 0;
                foreach (var page in pager.Pages(listing, stop.Token))
                {
                    // One source per batch, so the writer's counts belong to that source.
                    if (batch.Count > 0 && batch[0].Page.Source != page.Page.Source)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                        batch = [];
                        bytes = 0;
                    }
                    batch.Add(page);
                    bytes += page.Page.Body.Length;
                    if (bytes >= BatchBytes || batch.Count >= BatchPages)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token);
                        batch = [];
                        bytes = 0;
                    }
                }
                if (batch.Count > 0)
                {
                    await batches.Writer.WriteAsync(batch, stop.Token);
                }
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.Complete(ex);
            }
        }, stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var result = await writer.WriteAsync(runId, batch.Select(p => p.Page).ToList(), ct: ct);
                if (result.Rejected > 0)
                {
                    throw new InvalidOperationException($"{result.Rejected} synthetic page(s) were rejected by the landing checks: a generator bug");
                }
                report.Add(batch[0].Page.Source, result.Landed, result.Duplicates, batch.Sum(p => p.Postings));
                postingsLanded?.Invoke(batch.Sum(p => p.Postings));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}

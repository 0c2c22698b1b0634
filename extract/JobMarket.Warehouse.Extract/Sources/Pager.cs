using System.Runtime.CompilerServices;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// The paging loop every client shares: skip a partition done in this window, resume one in
/// progress at its cursor, and attach to each page the state that the next run would resume from.
/// </summary>
internal static class Pager
{
    /// <summary>Unreadable pages in a row after which a partition is abandoned (its next pages cannot be inferred).</summary>
    public const int MaxUnreadableInARow = 3;

    public static async IAsyncEnumerable<FetchedPage> RunAsync(
        JobSource source,
        ExtractPlan plan,
        string partitionKey,
        long first,
        Func<long, CancellationToken, Task<PageResult>> fetchPage,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var state = plan.StateOf(partitionKey);
        if (state is { Done: true })
        {
            Log.PartitionSkipped(logger, source.CliName(), partitionKey);
            yield break;
        }
        long? cursor = state?.Next ?? first;
        var unreadable = 0;
        while (cursor is { } current)
        {
            ct.ThrowIfCancellationRequested();
            var result = await fetchPage(current, ct);
            unreadable = result.Readable ? 0 : unreadable + 1;
            if (!result.Readable && result.Page is not null)
            {
                Log.UnreadablePage(logger, source.CliName(), result.Page.Endpoint, partitionKey);
            }
            var next = unreadable >= MaxUnreadableInARow ? null : result.Next;
            yield return new FetchedPage(result.Page, result.Postings, Watermark(source, plan.Window, partitionKey, next ?? current, next is null));
            cursor = next;
        }
    }

    public static WatermarkUpdate Watermark(JobSource source, ExtractWindow window, string partitionKey, long next, bool done) =>
        new(source, partitionKey, new PartitionState(window.To, next, done).ToJson(), done ? window.To : null);
}

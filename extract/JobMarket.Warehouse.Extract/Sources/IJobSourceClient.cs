using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>One job API: walks its query partitions and yields each response page with the watermark to store beside it.</summary>
public interface IJobSourceClient
{
    JobSource Source { get; }

    /// <summary>Retries spent so far (429, 5xx, timeouts).</summary>
    int Retries { get; }

    /// <summary>
    /// Pages in order. Partitions marked done in <paramref name="plan"/> are skipped and partitions
    /// in progress resume at their stored cursor, so a rerun after a crash fetches only what is missing.
    /// </summary>
    IAsyncEnumerable<FetchedPage> FetchAsync(ExtractPlan plan, CancellationToken ct = default);
}

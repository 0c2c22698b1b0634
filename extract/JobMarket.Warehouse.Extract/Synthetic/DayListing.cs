using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// The postings one day's fetch returns, sorted as the pages list them: by source, then query partition,
/// then newest first. Only keys and indices are held (16 bytes a posting); the postings are generated
/// page by page when the pages are written.
/// </summary>
public sealed record DayListing(int Day, ulong[] Keys, long[] Indices, IReadOnlyList<(JobSource Source, string Partition)> Partitions)
{
    public int Count => Keys.Length;

    public int PartitionOf(int position) => (int)(Keys[position] >> 32);

    public long CountFor(JobSource source)
    {
        var count = 0L;
        foreach (var key in Keys)
        {
            if (Partitions[(int)(key >> 32)].Source == source)
            {
                count++;
            }
        }
        return count;
    }
}

using System.Buffers;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;
using JobMarket.Warehouse.Extract.Synthetic.Formats;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// Turns a day of the synthetic market into response pages in each source's shape, streaming: the day's
/// listing is sorted once, then postings are generated and serialized one page at a time.
/// </summary>
public sealed class SyntheticPager
{
    private static readonly ISyntheticFormat[] Formats = BuildFormats();
    private readonly SyntheticMarket _market;

    public SyntheticPager(SyntheticOptions options)
    {
        _market = new SyntheticMarket(options);
    }

    public SyntheticOptions Options => _market.Options;

    internal SyntheticMarket Market => _market;

    private static ISyntheticFormat[] BuildFormats()
    {
        ISyntheticFormat[] all = [new AdzunaFormat(), new FranceTravailFormat(), new JSearchFormat(), new TheMuseFormat()];
        var bySource = new ISyntheticFormat[Enum.GetValues<JobSource>().Length];
        foreach (var format in all)
        {
            bySource[(int)format.Source] = format;
        }
        return bySource;
    }

    internal static ISyntheticFormat FormatOf(JobSource source) => Formats[(int)source];

    /// <summary>Postings per page of a source's search endpoint (50, 150, 10, 20).</summary>
    public static int PageSizeOf(JobSource source) => FormatOf(source).PageSize;

    /// <summary>Which postings the day's fetch lists, sorted in page order.</summary>
    public DayListing List(int day, CancellationToken ct = default)
    {
        var options = _market.Options;
        var limit = _market.JobsUpTo(day);
        var partitionIds = new Dictionary<(JobSource, string), int>();
        var partitions = new List<(JobSource Source, string Partition)>();
        // Partition per (source, place): computed once per place, not per posting.
        var byPlace = new Dictionary<(JobSource, int, JobSource), int>();
        var origin = _market.DayStart(0).AddDays(-60);
        var entries = new List<(int Partition, uint Newest, long Index)>((int)Math.Min(limit + limit / 8, int.MaxValue / 32));

        int PartitionId(JobSource listedOn, JobSource placeTable, int placeIndex)
        {
            if (byPlace.TryGetValue((listedOn, placeIndex, placeTable), out var id))
            {
                return id;
            }
            var name = options.SinglePartition ? "samples" : FormatOf(listedOn).PartitionOf(Places.ForSource(placeTable).Items[placeIndex]);
            if (!partitionIds.TryGetValue((listedOn, name), out id))
            {
                id = partitions.Count;
                partitions.Add((listedOn, name));
                partitionIds.Add((listedOn, name), id);
            }
            byPlace.Add((listedOn, placeIndex, placeTable), id);
            return id;
        }

        for (var i = 0L; i < limit; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var plan = _market.Plan(i);
            if (!_market.IsListed(plan, day))
            {
                continue;
            }
            var newest = uint.MaxValue - (uint)Math.Clamp((plan.CreatedAt - origin).TotalSeconds, 0, uint.MaxValue - 1);
            entries.Add((PartitionId(plan.Source, plan.Source, plan.PlaceIndex), newest, i));
            if (plan.RelistedOnAdzuna)
            {
                entries.Add((PartitionId(JobSource.Adzuna, plan.Source, plan.PlaceIndex), newest, i));
            }
        }

        // Rank partitions by (source, name) so pages come out in a stable order.
        var order = Enumerable.Range(0, partitions.Count)
            .OrderBy(p => partitions[p].Source).ThenBy(p => partitions[p].Partition, StringComparer.Ordinal).ToArray();
        var rank = new int[partitions.Count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }
        var keys = new ulong[entries.Count];
        var indices = new long[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            keys[e] = ((ulong)rank[entries[e].Partition] << 32) | entries[e].Newest;
            indices[e] = entries[e].Index;
        }
        Array.Sort(keys, indices);
        return new DayListing(day, keys, indices, order.Select(p => partitions[p]).ToList());
    }

    /// <summary>The day's pages, generated lazily in page order.</summary>
    public IEnumerable<SyntheticPage> Pages(DayListing listing, CancellationToken ct = default)
    {
        var day = listing.Day;
        var incremental = !_market.Options.IsFullScan(day);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions);
        var pagesPerSource = new int[Formats.Length];
        var position = 0;
        while (position < listing.Count)
        {
            var partition = listing.PartitionOf(position);
            var end = position;
            while (end < listing.Count && listing.PartitionOf(end) == partition)
            {
                end++;
            }
            var (source, partitionKey) = listing.Partitions[partition];
            var format = FormatOf(source);
            var total = end - position;
            for (var pageStart = position; pageStart < end; pageStart += format.PageSize)
            {
                ct.ThrowIfCancellationRequested();
                var sequence = pagesPerSource[(int)source]++;
                var fetchedAt = _market.DayStart(day).AddHours(5 + SourceHourOffset(source)).AddMilliseconds(250L * sequence);
                var count = Math.Min(format.PageSize, end - pageStart);
                var items = new ReadOnlyMemory<byte>[count];
                for (var k = 0; k < count; k++)
                {
                    var job = JobFactory.Create(_market.Plan(listing.Indices[pageStart + k]));
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                    format.WriteItem(writer, job, fetchedAt);
                    writer.Flush();
                    items[k] = buffer.WrittenSpan.ToArray();
                }
                var request = new PageRequest(partitionKey, (pageStart - position) / format.PageSize, total, day, fetchedAt, incremental, _market.Options.Seed);
                yield return new SyntheticPage(format.Page(request, items), count);
            }
            position = end;
        }
    }

    /// <summary>All pages of all days from <see cref="SyntheticOptions.FirstDay"/>.</summary>
    public IEnumerable<SyntheticPage> AllPages(CancellationToken ct = default)
    {
        for (var day = _market.Options.FirstDay; day < _market.Options.Days; day++)
        {
            foreach (var page in Pages(List(day, ct), ct))
            {
                yield return page;
            }
        }
    }

    private static int SourceHourOffset(JobSource source) => source switch
    {
        JobSource.Adzuna => 0,
        JobSource.FranceTravail => 1,
        JobSource.JSearch => 2,
        _ => 3,
    };
}

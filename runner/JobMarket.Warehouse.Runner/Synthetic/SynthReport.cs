using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Runner.Synthetic;

/// <summary>What a synth run landed, per source: pages written, pages already there, postings in them.</summary>
internal sealed class SynthReport
{
    private readonly Dictionary<JobSource, (long Pages, long Duplicates, long Postings)> _bySource = new();

    public IReadOnlyDictionary<JobSource, (long Pages, long Duplicates, long Postings)> BySource => _bySource;

    public long Postings => _bySource.Values.Sum(v => v.Postings);

    public long Pages => _bySource.Values.Sum(v => v.Pages + v.Duplicates);

    public long Landed => _bySource.Values.Sum(v => v.Pages);

    public long Duplicates => _bySource.Values.Sum(v => v.Duplicates);

    public int Days { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Add(JobSource source, long landed, long duplicates, long postings)
    {
        var (p, d, n) = _bySource.GetValueOrDefault(source);
        _bySource[source] = (p + landed, d + duplicates, n + postings);
    }
}

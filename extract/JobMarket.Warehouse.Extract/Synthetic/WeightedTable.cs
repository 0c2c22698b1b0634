namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>Items with weights; a uniform draw in [0, 1) picks one by binary search on the cumulative weights.</summary>
internal sealed class WeightedTable<T>
{
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("a weighted table needs at least one item with a positive weight", nameof(entries));
        }
        Items = list.Select(e => e.Item).ToArray();
        _cumulative = new double[list.Count];
        var total = list.Sum(e => e.Weight);
        var running = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            running += list[i].Weight / total;
            _cumulative[i] = running;
        }
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>Zipf weights (1/rank^exponent) over items in rank order: a few very common, a long tail.</summary>
    public static WeightedTable<T> Zipf(IEnumerable<T> items, double exponent) =>
        new(items.Select((item, i) => (item, 1.0 / Math.Pow(i + 1, exponent))));

    public int IndexOf(double unit)
    {
        var i = Array.BinarySearch(_cumulative, unit);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, _cumulative.Length - 1);
    }

    public T Pick(double unit) => Items[IndexOf(unit)];

    public T Pick(Random random) => Pick(random.NextDouble());
}

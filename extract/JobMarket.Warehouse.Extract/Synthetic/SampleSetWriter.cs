using System.Globalization;
using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>
/// Writes the bundled samples, <c>extract/samples/&lt;source&gt;/page-NNNN.json</c>: one synthetic day with one
/// query per source (see <c>extract/samples/README.md</c>), about 2,000 postings across the four sources.
/// </summary>
public static class SampleSetWriter
{
    /// <summary>The options of the committed samples: regenerate with these to get the same files.</summary>
    public static SyntheticOptions Options { get; } = new()
    {
        Postings = 1_950,
        Days = 1,
        Seed = 20_261_101,
        StartDate = new DateOnly(2026, 11, 1),
        SinglePartition = true,
    };

    /// <summary>Replaces the page files under <paramref name="samplesFolder"/>; returns postings per source.</summary>
    public static IReadOnlyDictionary<JobSource, (int Pages, int Postings)> Write(string samplesFolder, SyntheticOptions? options = null, CancellationToken ct = default)
    {
        var pager = new SyntheticPager(options ?? Options);
        var counts = new Dictionary<JobSource, (int Pages, int Postings)>();
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var folder = Path.Combine(samplesFolder, source.CliName());
            Directory.CreateDirectory(folder);
            foreach (var old in Directory.EnumerateFiles(folder, "page-*.json"))
            {
                File.Delete(old);
            }
            counts[source] = (0, 0);
        }
        foreach (var page in pager.AllPages(ct))
        {
            var source = page.Page.Source;
            var (pages, postings) = counts[source];
            counts[source] = (pages + 1, postings + page.Postings);
            var path = Path.Combine(samplesFolder, source.CliName(), $"page-{(pages + 1).ToString("0000", CultureInfo.InvariantCulture)}.json");
            File.WriteAllBytes(path, page.Page.Body.ToArray());
        }
        return counts;
    }
}

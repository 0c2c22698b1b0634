using System.Security.Cryptography;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic;

namespace JobMarket.Warehouse.Tests.Extract.Synthetic;

public sealed class SyntheticPagerTests
{
    private static SyntheticOptions Options(int seed = 7, int days = 3, int fullScanEvery = 1) =>
        new() { Postings = 800, Days = days, Seed = seed, StartDate = new DateOnly(2026, 3, 2), FullScanEvery = fullScanEvery };

    private static List<SyntheticPage> AllPages(SyntheticOptions options) => new SyntheticPager(options).AllPages().ToList();

    private static string Fingerprint(IEnumerable<SyntheticPage> pages) =>
        Convert.ToHexString(SHA256.HashData(pages.SelectMany(p => p.Page.Body.ToArray()
            .Concat(System.Text.Encoding.UTF8.GetBytes(p.Page.Endpoint + p.Page.PartitionKey + p.Page.RequestParamsJson + p.Page.FetchedAt.ToString("O")))).ToArray()));

    private static IEnumerable<(JobSource Source, string Id, int Day, bool Relist)> Ids(IEnumerable<SyntheticPage> pages, DateOnly start)
    {
        foreach (var page in pages)
        {
            using var document = JsonDocument.Parse(page.Page.Body);
            var day = DateOnly.FromDateTime(page.Page.FetchedAt.UtcDateTime).DayNumber - start.DayNumber;
            var idName = page.Page.Source switch { JobSource.JSearch => "job_id", _ => "id" };
            foreach (var item in document.RootElement.GetProperty(SourceShapes.ItemsProperty(page.Page.Source)).EnumerateArray())
            {
                var relist = page.Page.Source == JobSource.Adzuna && item.GetProperty("redirect_url").GetString()!.Contains("francetravail.fr", StringComparison.Ordinal);
                yield return (page.Page.Source, item.GetProperty(idName).ToString(), day, relist);
            }
        }
    }

    [Fact]
    public void AllPages_GivesIdenticalBytes_WhenSeedAndOptionsAreTheSame()
    {
        Assert.Equal(Fingerprint(AllPages(Options())), Fingerprint(AllPages(Options())));
    }

    [Fact]
    public void AllPages_GivesDifferentPages_WhenSeedDiffers()
    {
        var first = AllPages(Options(seed: 7));
        var second = AllPages(Options(seed: 8));
        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
        var shared = first.Select(p => Convert.ToHexString(SHA256.HashData(p.Page.Body.Span)))
            .Intersect(second.Select(p => Convert.ToHexString(SHA256.HashData(p.Page.Body.Span))));
        Assert.Empty(shared);
    }

    [Fact]
    public void AllPages_MatchEachSourcesDocumentedShape_WhenParsed()
    {
        var pages = AllPages(Options());
        Assert.Equal(Enum.GetValues<JobSource>().Order(), pages.Select(p => p.Page.Source).Distinct().Order());
        foreach (var page in pages)
        {
            using var document = JsonDocument.Parse(page.Page.Body);
            var items = SourceShapes.AssertPage(page.Page.Source, document.RootElement, $"{page.Page.Source} {page.Page.Endpoint} {page.Page.RequestParamsJson}");
            Assert.Equal(page.Postings, items.Count);
            Assert.InRange(items.Count, 1, SyntheticPager.PageSizeOf(page.Page.Source));
            using var parameters = JsonDocument.Parse(page.Page.RequestParamsJson);
            Assert.Equal(JsonValueKind.Object, parameters.RootElement.ValueKind);
        }
    }

    [Fact]
    public void AllPages_ListNewPostingsAndDropClosedOnes_WhenDaysPass()
    {
        var options = Options(days: 4);
        var listings = Ids(AllPages(options), options.StartDate).Distinct().ToList();
        var byDay = Enumerable.Range(0, 4).Select(d => listings.Where(l => l.Day == d).Select(l => (l.Source, l.Id)).ToHashSet()).ToList();

        Assert.Equal(800, listings.Count(l => l.Day == 0 && !l.Relist)); // every job open on day 0, each listed once
        Assert.InRange(listings.Count(l => l.Day == 0 && l.Relist), 30, 90); // ~15 % of France Travail's ~47 %
        for (var day = 1; day < 4; day++)
        {
            var opened = byDay[day].Except(byDay[day - 1]).Count();
            var closed = byDay[day - 1].Except(byDay[day]).Count();
            Assert.InRange(opened, 16, 16 * 1.15 + 1); // 2 % of 800 new a day, plus their Adzuna re-lists
            Assert.InRange(closed, 1, 60); // about 2 % close a day
        }
    }

    [Fact]
    public void AllPages_ListOnlyTheDaysNewPostings_WhenLaterDaysAreIncremental()
    {
        var options = Options(days: 3, fullScanEvery: 0);
        var listings = Ids(AllPages(options), options.StartDate).ToList();
        var firstDay = listings.Where(l => l.Day == 0).Select(l => (l.Source, l.Id)).ToHashSet();
        var later = listings.Where(l => l.Day > 0).ToList();

        Assert.NotEmpty(later);
        Assert.True(later.Count < firstDay.Count / 10, $"{later.Count} later listings");
        Assert.DoesNotContain(later, l => firstDay.Contains((l.Source, l.Id)));
    }

    [Fact]
    public void AllPages_SkipEarlierDays_WhenFirstDayIsSet()
    {
        var all = AllPages(Options(days: 3));
        var tail = AllPages(Options(days: 3) with { FirstDay = 2 });

        Assert.Equal(Fingerprint(all.Where(p => p.Page.FetchedAt >= new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero))), Fingerprint(tail));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 2, 2)]
    [InlineData(10, 1, -1)]
    public void Validate_Throws_WhenAnOptionIsOutOfRange(long postings, int days, int firstDay)
    {
        var options = new SyntheticOptions { Postings = postings, Days = days, FirstDay = firstDay };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }
}

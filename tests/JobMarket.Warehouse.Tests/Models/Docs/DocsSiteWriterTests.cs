using JobMarket.Warehouse.Runner.Models.Docs;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobMarket.Warehouse.Tests.Models.Docs;

public sealed class DocsSiteWriterTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Write_DocumentsEveryNodeWithItsColumnsTestsAndSql()
    {
        using var folder = new TempFolder();
        var project = ProjectLoader.Load(EngineHarness.FixturePath("basic"));

        DocsSiteWriter.Write(project, folder.Path);

        var page = File.ReadAllText(Path.Combine(folder.Path, "docs", "models", "region_total.html"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode("Totals per région."), page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("one row per région"), page);
        Assert.Contains("<td>region_code</td>", page);
        Assert.Contains("unique_region_total_region_code", page);
        Assert.Contains("from staging.stg_app__events", page);
        Assert.Contains("href=\"stg_app__events.html\"", page);
        Assert.Contains("href=\"mart_region.html\"", page);
        Assert.All(project.Nodes.Keys, name => Assert.True(File.Exists(Path.Combine(folder.Path, "docs", "models", name + ".html"))));
        Assert.True(File.Exists(Path.Combine(folder.Path, "docs", "sources", "app.events.html")));
    }

    [Fact]
    public async Task Write_ProducesASiteThatRendersInChromium_WhenOpenedFromAFile()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is needed for this test");
        using var folder = new TempFolder();
        var index = DocsSiteWriter.Write(ProjectLoader.Load(EngineHarness.FixturePath("basic")), folder.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(index).AbsoluteUri);

        var graph = await page.QuerySelectorAsync("svg#lineage");
        Assert.NotNull(graph);
        var box = await graph.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 200 && box.Height > 50, $"graph is {box.Width}x{box.Height}");
        Assert.Equal(8, await page.Locator("svg#lineage g.node").CountAsync());
        Assert.Equal(8, await page.Locator("svg#lineage path.edge").CountAsync());
        Assert.True(await page.Locator("#node-reco_region rect").IsVisibleAsync());

        await page.Locator("svg#lineage a:has(#node-mart_region)").ClickAsync();
        Assert.EndsWith("/models/mart_region.html", page.Url);
        Assert.True(await page.Locator("svg#lineage g.node.focus").IsVisibleAsync());
        await page.Locator("#parents a.parent", new() { HasText = "region_total" }).ClickAsync();
        Assert.EndsWith("/models/region_total.html", page.Url);
        Assert.Equal("core.region_total", await page.Locator("h1").InnerTextAsync());
        Assert.All(requests, url => Assert.StartsWith("file://", url));
    }
}

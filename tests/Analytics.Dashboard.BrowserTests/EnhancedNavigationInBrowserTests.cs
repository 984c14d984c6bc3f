using Analytics.Dashboard.BrowserTests.Support;
using Analytics.Dashboard.Tests.Support;
using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>
/// Enhanced navigation: a filter change or a link fetches the next page and patches it in (no reload, plotly loaded
/// once), the address bar follows so every view stays a URL to share, Back works, and the pages that must load whole
/// (the other language, a PDF) still do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnhancedNavigationInBrowserTests(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.Screenshots, name + ".png");

    private static Task<JsonElement?> Marked(IPage page) => page.EvaluateAsync("() => { window.__samePage = true; }");

    private static Task<bool> SamePage(IPage page) => page.EvaluateAsync<bool>("() => window.__samePage === true");

    private static Task<int> PlotlyLoads(IPage page) =>
        page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('plotly')).length");

    private static async Task Change(IPage page, string select, string value, string inUrl)
    {
        await Task.WhenAll(
            page.WaitForURLAsync($"**{inUrl}**", new() { WaitUntil = WaitUntilState.Commit }),
            page.SelectOptionAsync(select, value));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
    }

    [Fact]
    public async Task A_filter_change_patches_the_page_in_place_and_the_url_shows_the_same_view()
    {
        // A district whose series has values in the most years, so each chart has something to draw.
        var district = ProductCells.ValuedSeries("CQ-TECH-SME", allSizes: true).District;
        var name = ProductPages.DistrictNameZh(district);
        var page = await fixture.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(fixture.BaseUrl + "/indicator/CQ-TECH-SME?year=2015&lang=zh");
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        await Marked(page);

        await Change(page, "#filter-year", "2014", "year=2014");
        await Change(page, "#filter-district", district, "district=" + district);
        Assert.True(await SamePage(page), "the page was patched, not reloaded");
        Assert.Equal(1, await PlotlyLoads(page));
        Assert.Equal("2014", await page.InputValueAsync("#filter-year"));
        Assert.Contains(name, await page.InnerTextAsync("#headline"));
        Assert.Equal(await page.Locator("[data-chart]").CountAsync(), await page.Locator("[data-chart][data-rendered]").CountAsync());
        // plotly's stylesheet survives the patch (without it a figure's legend and title fall out of its box).
        Assert.True(await page.EvaluateAsync<int>("() => document.getElementById('plotly.js-style-global')?.sheet.cssRules.length ?? 0") > 20);
        Assert.True(await page.Locator("#trend .legend").CountAsync() > 0, "the trend draws a legend");
        foreach (var chart in new[] { "#trend", "#by-industry" })
        {
            if (await page.Locator(chart + " .legend").CountAsync() == 0)
            {
                continue;   // a chart of one trace (the product's by-industry bars in a district) draws no legend
            }

            var box = (await page.Locator(chart).BoundingBoxAsync())!;
            var legend = (await page.Locator(chart + " .legend").First.BoundingBoxAsync())!;
            Assert.True(legend.Y >= box.Y && legend.Y + legend.Height <= box.Y + box.Height, $"{chart}: legend at {legend.Y}, chart {box.Y}–{box.Y + box.Height}");
        }

        var patched = await page.InnerTextAsync("main");
        await page.ScreenshotAsync(new() { Path = Shot("enhanced-navigation-after-filters"), FullPage = true });

        // The address bar is the view: loaded whole, it shows the same page.
        var whole = await fixture.NewPage();
        await whole.GotoAsync(page.Url);
        await whole.WaitForSelectorAsync("body[data-charts='ready']");
        Assert.Equal(patched, await whole.InnerTextAsync("main"));

        // Back returns to the previous view.
        await page.GoBackAsync();
        await page.WaitForURLAsync("**year=2014**", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync($"() => !location.search.includes('district={district}') && document.body.dataset.charts === 'ready'");
        Assert.DoesNotContain(name, await page.InnerTextAsync("#headline"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_link_to_another_page_keeps_the_scripts_and_loads_plotly_when_charts_appear()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&lang=zh");
        await Marked(page);
        Assert.Equal(0, await PlotlyLoads(page));   // no chart on the overview, no plotly
        await Task.WhenAll(
            page.WaitForURLAsync("**/indicator/CQ-IT-ADOPT**", new() { WaitUntil = WaitUntilState.Commit }),
            page.ClickAsync(".tile[data-indicator='CQ-IT-ADOPT']"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        Assert.True(await SamePage(page));
        Assert.Equal(1, await PlotlyLoads(page));
        Assert.True(await page.Locator("#trend svg.main-svg").CountAsync() > 0);
        Assert.Contains("信息技术", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task The_other_language_loads_the_whole_page()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/indicator/CQ-TECH-SME?lang=zh");
        await Marked(page);
        await Task.WhenAll(page.WaitForURLAsync("**lang=en**"), page.ClickAsync("#lang-switch"));
        Assert.False(await SamePage(page));
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }
}

using System.Text.RegularExpressions;
using Analytics.Dashboard.BrowserTests.Support;
using Analytics.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>The overview says which targets are behind and where; every link keeps the year in view.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WhereBehindInBrowserTests(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.Screenshots, name + ".png");

    [Fact]
    public async Task The_status_grid_shows_every_indicator_with_a_target_by_district_and_its_cells_open_their_page_in_that_year()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&year=2014&lang=zh");

        var columns = await page.Locator("#status-grid-table thead th[data-indicator]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.indicator)");
        Assert.Equal(ProductPages.GridColumns("CQ2013"), columns);
        Assert.Contains("CQ-IT-ADOPT", columns);
        var rows = await page.Locator("#status-grid-table tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(ProductPages.GridDistrictRows("CQ2013"), rows);
        Assert.Equal(columns.Length * rows.Length, await page.Locator("#status-grid-table td.cell").CountAsync());
        Assert.Equal("2014", await page.GetAttributeAsync("#status-grid-table", "data-year"));
        Assert.Contains("2014", await page.InnerTextAsync("#status-grid h2"));
        // Every cell links to the indicator for its district in the year in view.
        var hrefs = await page.Locator("#status-grid-table td.cell a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.All(hrefs, h => Assert.Contains("year=2014", h, StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Shot("overview-grid-cq2013-2014-zh"), FullPage = true });

        var district = rows[2];   // a district's row, not the city's nor the first
        var name = ProductPages.DistrictNameZh(district);
        await Task.WhenAll(
            page.WaitForURLAsync("**/indicator/CQ-IT-ADOPT**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync($"#status-grid-table tr[data-code='{district}'] td[data-indicator='CQ-IT-ADOPT'] a"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        Assert.Contains("district=" + district, page.Url, StringComparison.Ordinal);
        Assert.Contains("year=2014", page.Url, StringComparison.Ordinal);
        Assert.Contains(name + " · 2014", await page.InnerTextAsync("#headline"));
        Assert.Equal("2014", await page.InputValueAsync("#filter-year"));
        // The breadcrumbs name the district and lead back to the overview in the same year.
        var crumbs = await page.InnerTextAsync("nav.crumbs");
        Assert.Contains(name, crumbs);
        Assert.DoesNotContain(district, crumbs);
        Assert.Contains("year=2014", await page.GetAttributeAsync("nav.crumbs li:first-child a", "href"));
    }

    [Fact]
    public async Task The_grid_switches_to_industry_groups_and_a_row_opens_the_groups_page()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&year=2015&lang=zh");
        await Task.WhenAll(
            page.WaitForURLAsync("**by=industry**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("#grid-by-industry"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        var rows = await page.Locator("#status-grid-table tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(ProductPages.GridIndustryRows("CQ2013"), rows);
        var group = rows[^1];
        await Task.WhenAll(
            page.WaitForURLAsync($"**/industry/{group}**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync($"#status-grid-table tr[data-code='{group}'] th a"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        Assert.Contains("year=2015", page.Url, StringComparison.Ordinal);
        Assert.Equal(ProductPages.IndustryNameZh("CQ2013", group), await page.InnerTextAsync("h1"));
        Assert.Equal("2015", await page.InputValueAsync("#filter-year"));
        // Its indicator links carry the group and the year.
        var link = await page.GetAttributeAsync("#cell-table tr[data-indicator='CQ-IT-ADOPT'] a", "href");
        Assert.Contains("industry=" + group, link, StringComparison.Ordinal);
        Assert.Contains("year=2015", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tile_opens_its_indicator_in_the_year_it_shows()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&year=2014&lang=zh");
        var tileYear = await page.InnerTextAsync(".tile[data-indicator='CQ-TECH-SME'] .tile-year");
        var tileValue = await page.InnerTextAsync(".tile[data-indicator='CQ-TECH-SME'] .tile-value .num");
        Assert.Equal("2014", tileYear);
        await Task.WhenAll(
            page.WaitForURLAsync("**/indicator/CQ-TECH-SME**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync(".tile[data-indicator='CQ-TECH-SME']"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        Assert.Contains("year=2014", page.Url, StringComparison.Ordinal);
        Assert.Contains("2014", await page.InnerTextAsync("#headline .label"));
        Assert.Equal(tileValue, await page.InnerTextAsync("#headline-value .num"));
    }

    [Fact]
    public async Task Pages_open_on_the_latest_plan_year_that_has_data()
    {
        var page = await fixture.NewPage();
        // The product's data run past each plan's target year (CQ2013, plan 2013–2015; YY2020, plan 2020–2022).
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&lang=zh");
        Assert.Equal("2015", await page.InputValueAsync("#filter-year"));
        Assert.Equal("2015", await page.InnerTextAsync(".tile[data-indicator='CQ-TECH-SME'] .tile-year"));
        await page.GotoAsync(fixture.BaseUrl + "/?plan=YY2020&lang=zh");
        Assert.Equal("2022", await page.InputValueAsync("#filter-year"));
        await page.GotoAsync(fixture.BaseUrl + "/indicator/YY-NEWPROD?lang=zh");
        Assert.Equal("2022", await page.InputValueAsync("#filter-year"));
        await page.GotoAsync(fixture.BaseUrl + "/district/" + ProductCells.Districts("CQ2013")[0].Code + "?lang=zh");
        Assert.Equal("2015", await page.InputValueAsync("#filter-year"));
        // The picker says which years have targets.
        var options = await page.Locator("#filter-year option").AllInnerTextsAsync();
        Assert.Contains("2015（目标年）", options);
        Assert.Contains("2012（基期）", options);
        Assert.Contains("2013（有目标）", options);
    }

    [Fact]
    public async Task A_ranking_is_ordered_by_the_ratio_it_draws_and_its_bars_link_to_the_district()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/indicator/YY-NEWPROD?year=2022&lang=zh");
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        var spec = System.Text.Json.JsonDocument.Parse((await page.GetAttributeAsync("#by-district", "data-chart"))!).RootElement;
        var bar = spec.GetProperty("series")[0];
        var ratios = bar.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(ratios.OrderByDescending(r => r).ToList(), ratios);
        Assert.All(bar.GetProperty("labels").EnumerateArray(), l => Assert.EndsWith("×", l.GetString(), StringComparison.Ordinal));
        var links = bar.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.All(links, l => Assert.Matches(DistrictLink(), l));

        var first = bar.GetProperty("x")[0].GetString()!;
        // Click the first bar where a person would: plotly takes clicks on its drag layer over the bars.
        var firstBar = page.Locator("#by-district .bars .point path").First;
        await firstBar.ScrollIntoViewIfNeededAsync();
        var box = (await firstBar.BoundingBoxAsync())!;
        await Task.WhenAll(
            page.WaitForURLAsync("**district=**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        Assert.Contains(first, await page.InnerTextAsync("#headline"));
        Assert.Contains("year=2022", page.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex("^/indicator/YY-NEWPROD\\?district=\\d{6}&industry=ALL&size=ALL&year=2022&lang=zh$")]
    private static partial Regex DistrictLink();
}

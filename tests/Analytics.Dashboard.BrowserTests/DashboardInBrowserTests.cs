using System.Diagnostics;
using Analytics.Dashboard.BrowserTests.Support;
using Analytics.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardInBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.Screenshots, name + ".png");

    [Fact]
    public async Task The_overview_shows_a_tile_for_every_indicator()
    {
        var page = await fixture.NewPage();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&lang=zh", new() { WaitUntil = WaitUntilState.Load });
        clock.Stop();
        output.WriteLine($"overview first render (navigation to load): {clock.ElapsedMilliseconds} ms");
        var tiles = await page.Locator(".tile").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.indicator)");
        Assert.Equal(ProductPages.Tiles("CQ2013"), tiles);
        Assert.Contains("科技型中小微型企业", await page.InnerTextAsync(".tiles"));
        Assert.Equal(tiles.Length, await page.Locator(".tile svg.spark polyline").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("overview-cq2013-zh"), FullPage = true });

        await page.GotoAsync(fixture.BaseUrl + "/?plan=YY2020&lang=zh");
        Assert.Equal(ProductPages.Tiles("YY2020").Count, await page.Locator(".tile").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("overview-yy2020-zh"), FullPage = true });
    }

    [Fact]
    public async Task Following_an_indicator_shows_a_plotly_chart_with_a_target_line()
    {
        var page = await fixture.NewPage();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&lang=zh");
        await Task.WhenAll(
            page.WaitForURLAsync("**/indicator/CQ-IT-ADOPT**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync(".tile[data-indicator='CQ-IT-ADOPT']"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        Assert.True(await page.Locator("#trend svg.main-svg").CountAsync() > 0);
        var legend = await page.Locator("#trend .legendtext").AllTextContentsAsync();
        output.WriteLine("legend: " + string.Join(" | ", legend));
        await page.ScreenshotAsync(new() { Path = Shot("indicator-cq-it-adopt-zh"), FullPage = true });
        Assert.Contains("目标", legend);
        Assert.Contains("按期完成路径", legend);
        Assert.Contains("95% 置信区间", legend);
        Assert.True(await page.Locator("#by-district svg.main-svg").CountAsync() > 0);
        Assert.Contains(ProductPages.Catalog("CQ-IT-ADOPT", "caveat_zh"), await page.InnerTextAsync("#definition"));   // how its interval is worked out
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Shot("indicator-cq-it-adopt-zh"), FullPage = true });
    }

    [Fact]
    public async Task Changing_the_district_filter_changes_the_url_and_the_numbers()
    {
        var district = ProductCells.ValuedSeries("CQ-TECH-SME", allSizes: true).District;
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/indicator/CQ-TECH-SME?lang=zh");
        var before = await page.InnerTextAsync("#headline-value");
        // The wait starts with the action and ends at the new document (the next line waits for the charts): on a
        // busy CI machine the wait for the navigated page's full load event once ran past 30 s.
        await Task.WhenAll(
            page.WaitForURLAsync($"**district={district}**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.SelectOptionAsync("#filter-district", district));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        var after = await page.InnerTextAsync("#headline-value");
        Assert.NotEqual(before, after);
        Assert.Contains(ProductPages.DistrictNameZh(district), await page.InnerTextAsync("#headline"));
        await page.ScreenshotAsync(new() { Path = Shot("indicator-cq-tech-sme-district"), FullPage = true });

        // A viewer sees a small cell withheld (the official's district: small in every year).
        await page.GotoAsync(fixture.BaseUrl + SmallCellPage(ProductCells.Official));
        var small = page.Locator("#series-table .small-cell").First;
        Assert.Equal("—", await small.InnerTextAsync());
        Assert.Contains("涉及企业过少", await small.GetAttributeAsync("title"));
    }

    [Fact]
    public async Task The_language_switch_turns_labels_to_english()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/indicator/YY-NEWPROD?lang=zh");
        Assert.Contains("数据来源", await page.InnerTextAsync("#definition"));
        await Task.WhenAll(
            page.WaitForURLAsync("**lang=en**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("#lang-switch"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        var definition = await page.InnerTextAsync("#definition");
        Assert.Contains("Data source", definition);
        Assert.Contains("proxy", definition);
        Assert.Contains(ProductPages.Catalog("YY-NEWPROD", "name_en"), await page.InnerTextAsync("h1"));
        Assert.Contains("Target", await page.Locator("#trend .legendtext").AllTextContentsAsync());
        await page.ScreenshotAsync(new() { Path = Shot("indicator-yy-newprod-en"), FullPage = true });
    }

    [Fact]
    public async Task The_sql_console_runs_a_query_and_shows_rows()
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Analyst);
        await page.GotoAsync(fixture.BaseUrl + "/sql?lang=zh");
        await page.FillAsync("#sql-text", "SELECT indicator_id, year, value FROM mart_indicator WHERE district_code = 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' ORDER BY indicator_id, year");
        await page.ClickAsync("#sql-run");
        await page.WaitForSelectorAsync("#sql-result");
        Assert.True(await page.Locator("#sql-result tbody tr").CountAsync() > 10);
        await page.ScreenshotAsync(new() { Path = Shot("sql-console"), FullPage = true });

        await page.FillAsync("#sql-text", "DROP TABLE mart_indicator");
        await page.ClickAsync("#sql-run");
        await page.WaitForSelectorAsync("#sql-error");
        Assert.Contains("SELECT", await page.InnerTextAsync("#sql-error"));
    }

    [Fact]
    public async Task District_industry_and_data_pages_render()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.BaseUrl + "/district/" + ProductCells.Districts("CQ2013")[0].Code + "?lang=zh");
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        Assert.Equal(ProductPages.Tiles("CQ2013").Count, await page.Locator("#cell-table tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("district"), FullPage = true });
        await page.GotoAsync(fixture.BaseUrl + "/industry/" + ProductCells.IndustryGroups("CQ2013")[0] + "?lang=en");
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        await page.ScreenshotAsync(new() { Path = Shot("industry-en"), FullPage = true });
        await page.GotoAsync(fixture.BaseUrl + "/data?lang=zh");
        Assert.Contains("credit_code_check_digit", await page.InnerTextAsync("#quarantine"));
        await page.ScreenshotAsync(new() { Path = Shot("data"), FullPage = true });
    }

    [Fact]
    public async Task A_leader_signs_in_reads_the_overview_and_signs_out()
    {
        var page = await fixture.NewPage(role: null);
        await page.GotoAsync(fixture.BaseUrl + "/?plan=CQ2013&lang=zh");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("login"), FullPage = true });

        await page.FillAsync("#login-name", "viewer");
        await page.FillAsync("#login-password", "not-the-password");
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#login-error");
        Assert.Contains("账户名或密码不正确", await page.InnerTextAsync("#login-error"));

        await page.FillAsync("#login-name", "viewer");
        await page.FillAsync("#login-password", Analytics.Dashboard.Tests.Support.FixtureAccounts.Password);
        await Task.WhenAll(page.WaitForURLAsync("**/?plan=CQ2013**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }), page.ClickAsync("#login-submit"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        Assert.Equal(ProductPages.Tiles("CQ2013").Count, await page.Locator(".tile").CountAsync());
        Assert.Contains("viewer", await page.InnerTextAsync("#signed-in-as"));
        Assert.Equal(0, await page.Locator("nav a[href*='/sql']").CountAsync());

        await Task.WhenAll(page.WaitForURLAsync("**/account/login**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }), page.ClickAsync("#logout"));
        await page.GotoAsync(fixture.BaseUrl + "/data?lang=zh");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sent_to_the_console_sees_the_denied_page()
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Viewer);
        var response = await page.GotoAsync(fixture.BaseUrl + "/sql?lang=zh");
        Assert.Equal(403, response!.Status);
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        Assert.Contains("viewer", await page.InnerTextAsync("#denied-reason"));
        Assert.Equal(0, await page.Locator("#sql-text").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("denied"), FullPage = true });
    }

    [Fact]
    public async Task A_district_official_sees_their_own_districts_small_cells()
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.District);
        await page.GotoAsync(fixture.BaseUrl + SmallCellPage(ProductCells.Official));
        await page.WaitForSelectorAsync("body[data-charts='ready']");
        Assert.Equal(0, await page.Locator("#series-table .small-cell").CountAsync());
        Assert.NotEqual("—", await page.InnerTextAsync("#headline-value"));
        await page.ScreenshotAsync(new() { Path = Shot("district-official"), FullPage = true });
    }

    /// <summary>The indicator page of a small cell's micro-enterprise series in its district.</summary>
    private static string SmallCellPage(SmallCell cell) =>
        $"/indicator/{cell.Indicator}?district={cell.District}&size={Uri.EscapeDataString(ProductCells.Micro)}&lang=zh";

    [Fact]
    public async Task An_admin_revises_a_target_on_the_admin_page_and_sees_it_wait_for_the_next_build()
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Admin);
        await page.GotoAsync(fixture.BaseUrl + "/?lang=zh");
        await Task.WhenAll(page.WaitForURLAsync("**/admin**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }), page.ClickAsync("#nav-admin"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        await Task.WhenAll(
            page.WaitForURLAsync("**edit=YY-ENGINEERS**", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("tr[data-indicator='YY-ENGINEERS'] td:last-child a"));
        await page.WaitForSelectorAsync("body[data-charts='ready']");   // the page patched in (enhanced navigation)
        await page.FillAsync("#target-edit input[name='value_0']", "120");
        await page.FillAsync("#target-edit input[name='source']", "岳阳市工信局 2021年调整通知 第三条");
        await Task.WhenAll(page.WaitForSelectorAsync("#admin-done"), page.ClickAsync("#target-edit button[type='submit']"));

        Assert.Contains("YY-ENGINEERS", await page.InnerTextAsync("#admin-done"));
        Assert.Contains("120", await page.InnerTextAsync("tr[data-indicator='YY-ENGINEERS']"));
        Assert.Equal(1, await page.Locator("tr[data-indicator='YY-ENGINEERS'] .pending").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("admin-target-recorded"), FullPage = true });
    }
}

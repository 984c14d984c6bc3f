using Analytics.Dashboard.BrowserTests.Support;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>Pages fit a phone (390 px), a tablet (768 px) and a desktop (1440 px) without scrolling sideways; screenshots of each.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutInBrowserTests(BrowserFixture fixture)
{
    /// <summary>Each kind of page; the district and the industry group are the first the product snapshot's CQ2013 plan has.</summary>
    private static readonly string[] Pages =
    [
        "/?plan=CQ2013", "/?plan=YY2020&by=industry", "/indicator/CQ-IT-ADOPT", "/indicator/YY-NEWPROD",
        "/district/" + ProductCells.Districts("CQ2013")[0].Code, "/industry/" + ProductCells.IndustryGroups("CQ2013")[0], "/data",
    ];

    [Theory]
    [InlineData(390, 844, "zh")]
    [InlineData(390, 844, "en")]
    [InlineData(768, 1024, "zh")]
    [InlineData(1440, 1000, "zh")]
    [InlineData(1440, 1000, "en")]
    public async Task Pages_do_not_scroll_sideways(int width, int height, string lang)
    {
        var page = await fixture.NewPage(Analytics.Accounts.Roles.Viewer, width, height);
        foreach (var path in Pages)
        {
            await page.GotoAsync(fixture.BaseUrl + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            if (await page.Locator("[data-chart]").CountAsync() > 0)
            {
                await page.WaitForSelectorAsync("body[data-charts='ready']");
            }

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, inner) = (widths[0], widths[1]);
            var name = $"{path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-')}-{width}-{lang}";
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "layout-" + (name.Length > 0 ? name : "root") + ".png"), FullPage = true });
            Assert.True(scroll <= inner, $"{path} at {width} px scrolls sideways: {scroll} > {inner}");
            // The header stays short on a phone: title, language switch, navigation.
            Assert.True(await page.EvaluateAsync<double>("() => document.querySelector('header.top').getBoundingClientRect().height") < 110, $"{path}: header too tall at {width}");
        }
    }
}

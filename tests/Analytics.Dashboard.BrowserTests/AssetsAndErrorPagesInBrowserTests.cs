using System.Collections.Concurrent;
using Analytics.Dashboard.BrowserTests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboard.BrowserTests;

/// <summary>What Chromium itself makes of the static assets and the not-found page (the content security policy included).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssetsAndErrorPagesInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_mistyped_address_shows_the_styled_not_found_page_with_its_assets_compressed_and_the_favicon()
    {
        var page = await fixture.NewPage();
        var errors = new ConcurrentQueue<string>();
        var address = fixture.BaseUrl + "/indicators/CQ-IT-ADOPT?lang=en";
        // Chromium reports the page's own 404 as a failed resource; any other error (a script or style refused by the
        // content security policy, one not found) counts.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.StartsWith(address + ":", StringComparison.Ordinal)) errors.Enqueue(m.Text + " " + m.Location); };
        page.PageError += (_, e) => errors.Enqueue(e);
        var styles = new ConcurrentDictionary<string, string>();
        page.Response += (_, r) =>
        {
            if (r.Url.EndsWith(".css", StringComparison.Ordinal))
            {
                styles[r.Url] = r.Headers.TryGetValue("content-encoding", out var e) ? e : "identity";
            }
        };

        var response = await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.Load });

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.InnerTextAsync("h1"));
        // The layout's scoped styles and the site's styles both applied.
        Assert.Equal("rgb(18, 53, 91)", await page.EvalOnSelectorAsync<string>("header", "e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("0px", await page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).margin"));
        Assert.Equal(2, styles.Count);
        Assert.All(styles.Values, e => Assert.Contains(e, new[] { "br", "gzip" }));
        var icon = await page.GetAttributeAsync("link[rel=icon]", "href");
        Assert.Equal(200, (await page.APIRequest.GetAsync(fixture.BaseUrl + "/" + icon)).Status);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }
}

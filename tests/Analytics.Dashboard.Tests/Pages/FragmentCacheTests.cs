using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Dashboard.Presentation;
using Analytics.Dashboard.Tests.Support;
using Analytics.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests.Pages;

/// <summary>
/// The status grid, the tiles and an indicator's charts and tables are rendered once per snapshot, language, reader's
/// disclosure and parameters, then served from memory: a cached page is byte for byte the page rendered afresh, and
/// readers who may see different numbers never share a part.
/// </summary>
public sealed partial class FragmentCacheTests
{
    private const string Micro = "%E5%BE%AE%E5%9E%8B";

    /// <summary>The official's small cell in the product snapshot (<see cref="ProductCells.Official"/>): withheld from a viewer, shown to the official.</summary>
    private static string OfficialsSmallCellPage => $"/indicator/{ProductCells.Official.Indicator}?size={Micro}&year=2014";

    private static string[] Pages =>
    [
        "/?plan=CQ2013", "/?plan=CQ2013&by=industry&year=2014", "/?plan=YY2020&lang=en",
        "/indicator/CQ-TECH-SME", OfficialsSmallCellPage, "/indicator/YY-POLING?district=430681&lang=en",
        $"/indicator/{ProductCells.Elsewhere.Indicator}?size={Micro}&year=2021",
    ];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex Token();

    private static async Task<string> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return Token().Replace(html, "token");   // a fresh antiforgery token on every response, by design
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.District)]
    [InlineData(Roles.Analyst)]
    public async Task A_cached_page_is_the_page_rendered_afresh(string role)
    {
        using var cached = new DashboardFactory();
        using var fresh = new DashboardFactory { Settings = new Dictionary<string, string> { ["Analytics:FragmentCacheMB"] = "0" } };
        using var c = cached.As(role);
        using var f = fresh.As(role);
        foreach (var url in Pages)
        {
            var first = await Page(c, url);
            var again = await Page(c, url);
            Assert.Equal(first, again);
            Assert.Equal(await Page(f, url), again);
        }
    }

    [Fact]
    public async Task A_part_is_rendered_once_per_snapshot_language_reader_and_parameters()
    {
        using var factory = new DashboardFactory();
        var cache = factory.Services.GetRequiredService<FragmentCache>();
        using var viewer = factory.As(Roles.Viewer);
        await Page(viewer, "/?plan=CQ2013&year=2014");
        var rendered = cache.Rendered;
        await Page(viewer, "/?plan=CQ2013&year=2014");
        await Page(viewer, "/?year=2014&plan=CQ2013");
        Assert.Equal(rendered, cache.Rendered);

        await Page(viewer, "/?plan=CQ2013&year=2014&lang=en");
        Assert.Equal(rendered + 2, cache.Rendered);   // tiles and grid, in English
        await Page(viewer, "/?plan=CQ2013&year=2015");
        Assert.Equal(rendered + 4, cache.Rendered);
        using var analyst = factory.As(Roles.Analyst);
        await Page(analyst, "/?plan=CQ2013&year=2014");
        Assert.Equal(rendered + 6, cache.Rendered);   // an analyst may see more, so never shares a viewer's parts
    }

    [Fact]
    public async Task Readers_who_may_see_different_numbers_never_get_each_others_parts()
    {
        using var factory = new DashboardFactory();
        using var analyst = factory.As(Roles.Analyst);
        using var viewer = factory.As(Roles.Viewer);
        using var official = factory.As(Roles.District);
        var url = OfficialsSmallCellPage;
        var analystPage = await Page(analyst, url);   // rendered first, with every small cell shown
        var viewerPage = await Page(viewer, url);
        var officialPage = await Page(official, url);
        Assert.Contains("data-status=\"withheld\"", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-status=\"withheld\"", analystPage, StringComparison.Ordinal);
        Assert.NotEqual(Body(analystPage), Body(viewerPage));
        Assert.NotEqual(Body(officialPage), Body(viewerPage));
        Assert.Equal(Body(analystPage), Body(await Page(analyst, url)));
    }

    /// <summary>Pages asked for before a switch, by readers of every disclosure and in both languages.</summary>
    private static readonly (string Role, string Url)[] AskedBeforeSwitch =
    [
        (Roles.Viewer, "/indicator/CQ-TECH-SME"), (Roles.Viewer, "/?plan=CQ2013&year=2014"), (Roles.Analyst, "/indicator/CQ-TECH-SME?lang=en"),
        (Roles.District, "/?plan=YY2020&by=industry"),
    ];

    [Fact]
    public async Task A_new_snapshots_parts_are_rendered_before_it_is_served_and_are_the_parts_rendered_afresh()
    {
        using var prerendering = new DashboardFactory { UseFolder = true };
        using var fresh = new DashboardFactory { UseFolder = true, Settings = new Dictionary<string, string> { ["Analytics:FragmentCacheMB"] = "0" } };
        var cache = prerendering.Services.GetRequiredService<FragmentCache>();
        _ = fresh.Services;   // started now: a factory writes its own current.json when it starts
        foreach (var (role, url) in AskedBeforeSwitch)
        {
            using var client = prerendering.As(role);
            await Page(client, url);
        }

        var rendered = cache.Rendered;
        const string Newer = "warehouse-20990101T000000000-0000beef.duckdb";
        await SwitchTo(prerendering, Newer);
        await SwitchTo(fresh, Newer);
        Assert.True(cache.Prerendered >= 5, $"{cache.Prerendered} parts rendered ahead of the switch");   // tiles, grid and indicator parts
        foreach (var (role, url) in AskedBeforeSwitch)
        {
            using var client = prerendering.As(role);
            using var afresh = fresh.As(role);
            Assert.Equal(Body(await Page(afresh, url)), Body(await Page(client, url)));
        }

        Assert.Equal(rendered, cache.Rendered);   // every part the readers asked for again was ready
        using var viewer = prerendering.As(Roles.Viewer);
        await Page(viewer, "/indicator/CQ-TECH-SME?year=2013");
        Assert.Equal(rendered + 1, cache.Rendered);   // one nobody asked for before is rendered when asked
    }

    /// <summary>Publishes a copy of the product snapshot as <paramref name="file"/> in the dashboard's folder and waits until it is served.</summary>
    private static async Task SwitchTo(DashboardFactory factory, string file)
    {
        SnapshotFactory.CopyFile(Path.Combine(factory.Folder, file));
        File.WriteAllText(Path.Combine(factory.Folder, "current.json"), $"{{\"snapshot\": \"{file}\"}}");
        using var client = factory.As(Roles.Viewer);
        for (var i = 0; i < 300; i++)
        {
            var served = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/data/snapshot")).GetProperty("file").GetString();
            if (served == file)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{file} was not served within 30 s");
    }

    /// <summary>The page without its header (which names the reader).</summary>
    private static string Body(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..];
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// The dashboard's static assets: compressed as the request accepts (brotli, gzip, or not at all), linked from the
/// pages by fingerprinted addresses that may be cached for a year, revalidated by ETag, and served without sign-in.
/// </summary>
public sealed partial class StaticAssetTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static readonly TheoryData<string> Assets =
        ["lib/plotly.min.js", "css/app.css", "Analytics.Dashboard.styles.css", "js/charts.js", "js/filters.js"];

    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? encoding = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => new MemoryStream(body),
        };
        using var plain = new MemoryStream();
        decoder.CopyTo(plain);
        return plain.ToArray();
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task Each_asset_is_sent_brotli_or_gzip_compressed_as_accepted_and_plain_otherwise(string asset)
    {
        using var client = Anonymous();
        using var plain = await GetAsync(client, "/" + asset);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var original = await plain.Content.ReadAsByteArrayAsync();
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        foreach (var (accepted, expected) in new[] { ("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br, zstd", "br"), ("identity", null) })
        {
            using var response = await GetAsync(client, "/" + asset, accepted);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(original, Decode(body, expected));
            Assert.True(expected is null || body.Length < original.Length, $"{asset} {expected}: {body.Length} of {original.Length} bytes");
        }
    }

    [Fact]
    public async Task Brotli_shrinks_plotly_to_under_a_third()
    {
        using var client = Anonymous();
        using var plain = await GetAsync(client, "/lib/plotly.min.js");
        using var br = await GetAsync(client, "/lib/plotly.min.js", "br");
        var size = (await plain.Content.ReadAsByteArrayAsync()).Length;
        var compressed = (await br.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressed * 3 < size, $"{compressed} of {size} bytes");
    }

    [Fact]
    public async Task Pages_link_fingerprinted_styles_and_scripts_that_are_cached_for_a_year()
    {
        using var viewer = factory.As(Roles.Viewer);
        var overview = await viewer.GetStringAsync("/?plan=CQ2013");
        var indicator = await viewer.GetStringAsync("/indicator/CQ-IT-ADOPT?district=500101");
        var links = LinkPattern().Matches(overview + indicator).Select(m => m.Groups["url"].Value).Distinct().ToList();

        // Every asset of the head and of the charts, by its fingerprinted name (name.<hash>.ext).
        foreach (var (name, ext) in new[] { ("css/app", "css"), ("Analytics.Dashboard", "styles.css"), ("favicon", "svg"), ("lib/plotly.min", "js"), ("js/charts", "js"), ("js/filters", "js"), ("_framework/blazor.web", "js") })
        {
            Assert.Contains(links, l => Regex.IsMatch(l, $"^{Regex.Escape(name)}\\.[a-z0-9]{{6,}}\\.{Regex.Escape(ext)}$"));
        }

        using var client = Anonymous();
        foreach (var link in links)
        {
            using var response = await GetAsync(client, "/" + link, "br");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            var cache = response.Headers.CacheControl;
            Assert.NotNull(cache);
            Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
            Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"{link}: {cache}");
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task An_unchanged_asset_is_revalidated_by_its_etag_without_a_body()
    {
        using var client = Anonymous();
        using var first = await GetAsync(client, "/css/app.css", "br");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/css/app.css");
        again.Headers.AcceptEncoding.ParseAdd("br");
        again.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_login_page_and_its_styles_are_served_to_a_browser_not_signed_in()
    {
        using var client = Anonymous();
        var login = await client.GetStringAsync("/account/login");
        var css = LinkPattern().Matches(login).Select(m => m.Groups["url"].Value).Where(u => u.EndsWith(".css", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, css.Count);
        foreach (var url in css)
        {
            using var response = await GetAsync(client, "/" + url, "gzip", "text/css");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }

        // Only the assets: a page next to them still asks to sign in.
        using var page = await GetAsync(client, "/data", accept: "text/html");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_favicon_is_an_svg_linked_from_the_head_and_favicon_ico_is_answered_without_sign_in()
    {
        using var client = Anonymous();
        var login = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));
        var icon = Regex.Match(login, "<link rel=\"icon\" href=\"(?<url>[^\"]+)\" type=\"image/svg\\+xml\"").Groups["url"].Value;
        using var svg = await GetAsync(client, "/" + icon);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var ico = await GetAsync(client, "/favicon.ico", accept: "image/avif,image/webp,image/*,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // an ICO header: reserved 0, type 1 (icon)
    }

    [Fact]
    public async Task A_path_that_is_not_an_asset_still_needs_a_sign_in()
    {
        using var client = Anonymous();
        using var missing = await GetAsync(client, "/css/nope.css", "br", "text/css");
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.StartsWith("/account/login", missing.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?plan=CQ2013", "br", "text/html")]
    [InlineData("/indicator/CQ-TECH-SME?lang=en", "gzip", "text/html")]
    [InlineData("/api/indicators/CQ-TECH-SME/series", "br", "application/json")]
    [InlineData("/api/plans/CQ2013/grid.csv", "gzip", "text/csv")]
    public async Task Pages_json_and_csv_are_compressed_on_the_fly_as_accepted(string url, string encoding, string type)
    {
        using var client = factory.As(Roles.Viewer);
        using var plain = await GetAsync(client, url);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var original = System.Text.Encoding.UTF8.GetString(await plain.Content.ReadAsByteArrayAsync());
        using var packed = await GetAsync(client, url, encoding);
        Assert.Equal(HttpStatusCode.OK, packed.StatusCode);
        Assert.Equal(type, packed.Content.Headers.ContentType!.MediaType);
        Assert.Equal([encoding], packed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", packed.Headers.Vary);
        var body = await packed.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < System.Text.Encoding.UTF8.GetByteCount(original) / 2, $"{url}: {body.Length} bytes compressed");
        var text = System.Text.Encoding.UTF8.GetString(Decode(body, encoding));
        Assert.Equal(Regex.Replace(original, "__RequestVerificationToken\" value=\"[^\"]*\"", ""), Regex.Replace(text, "__RequestVerificationToken\" value=\"[^\"]*\"", ""));
    }

    [Fact]
    public async Task A_workbook_is_not_compressed_again()
    {
        using var client = factory.As(Roles.Viewer);
        using var response = await GetAsync(client, "/api/plans/CQ2013/grid.xlsx", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex("<(?:link[^>]*href|script[^>]*src|meta name=\"plotly-src\" content)=\"(?<url>[^\"]+)\"")]
    private static partial Regex LinkPattern();
}

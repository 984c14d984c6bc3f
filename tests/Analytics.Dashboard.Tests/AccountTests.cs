using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests;

/// <summary>Signing in and out with a password (the cookie), lockout, API tokens, and what a district official sees.</summary>
public sealed partial class AccountTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string name, string password, string? returnUrl = null)
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        Assert.NotEmpty(token);
        var fields = new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync("/account/login", form);
    }

    /// <summary>The running dashboard's account store, in a scope of its own.</summary>
    private Task<StoreScope> StoreAsync()
    {
        _ = factory.Server;
        return Task.FromResult(new StoreScope(factory.Services.CreateScope()));
    }

    private sealed class StoreScope(IServiceScope scope) : IDisposable
    {
        public AccountStore Store { get; } = scope.ServiceProvider.GetRequiredService<AccountStore>();

        public void Dispose() => scope.Dispose();
    }

    private IEnumerable<JsonElement> AccessLog() => File.ReadAllLines(factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement);

    [Fact]
    public async Task A_page_asks_for_a_login_and_signing_in_leads_back_to_it()
    {
        using var browser = Browser();
        var first = await browser.GetAsync("/district/500103");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fdistrict%2F500103", first.Headers.Location!.PathAndQuery);

        var login = WebUtility.HtmlDecode(await browser.GetStringAsync(first.Headers.Location.PathAndQuery));
        Assert.Contains("登录", login, StringComparison.Ordinal);
        Assert.Contains("value=\"/district/500103\"", login, StringComparison.Ordinal);

        var signedIn = await LogInAsync(browser, "viewer", DashboardFactory.Password, "/district/500103");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/district/500103", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/district/500103")).StatusCode);
        Assert.Contains(AccessLog(), l => l.GetProperty("event").GetString() == "login" && l.GetProperty("who").GetString() == "viewer");
    }

    [Fact]
    public async Task An_english_page_leads_to_the_english_login_and_denied_pages()
    {
        using var browser = Browser();
        var login = await browser.GetAsync("/data?lang=en");
        Assert.EndsWith("&lang=en", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Sign in", WebUtility.HtmlDecode(await browser.GetStringAsync(login.Headers.Location.PathAndQuery)), StringComparison.Ordinal);

        await LogInAsync(browser, "viewer", DashboardFactory.Password);
        var denied = await browser.GetAsync("/sql?lang=en");
        Assert.EndsWith("&lang=en", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetAsync(denied.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("无权访问", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        using var browser = Browser();
        await LogInAsync(browser, "analyst", DashboardFactory.Password);
        var page = await browser.GetStringAsync("/");
        Assert.Contains("id=\"account\"", page, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var logout = await browser.PostAsync("/account/logout", form);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", logout.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Contains(AccessLog(), l => l.GetProperty("event").GetString() == "logout" && l.GetProperty("who").GetString() == "analyst");
    }

    [Fact]
    public async Task A_viewer_sent_to_the_console_gets_the_denied_page_with_403()
    {
        using var browser = Browser();
        await LogInAsync(browser, "viewer", DashboardFactory.Password);
        var sql = await browser.GetAsync("/sql");
        Assert.Equal(HttpStatusCode.Redirect, sql.StatusCode);
        Assert.StartsWith("/account/denied", sql.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await browser.GetAsync(sql.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var body = await denied.Content.ReadAsStringAsync();
        Assert.Contains("viewer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("indicator_contribution", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_fifth_locks_the_account()
    {
        using (var scope = await StoreAsync())
        {
            await scope.Store.AddAsync("lock-me", Roles.Viewer, null, DashboardFactory.Password);
        }

        using var browser = Browser();
        for (var i = 1; i <= AccountsSetup.MaxFailedAttempts; i++)
        {
            var bad = await LogInAsync(browser, "lock-me", "Wrong-Pass-2024!");
            Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
            Assert.Contains(i < AccountsSetup.MaxFailedAttempts ? "error=invalid" : "error=locked", bad.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Locked: the right password no longer signs in, and the page says why.
        var right = await LogInAsync(browser, "lock-me", DashboardFactory.Password);
        Assert.Contains("error=locked", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Contains("15", await browser.GetStringAsync(right.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Contains(AccessLog(), l => l.GetProperty("event").GetString() == "locked_out" && l.GetProperty("who").GetString() == "lock-me");
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_off_the_site_leads_to_the_overview(string returnUrl)
    {
        using var browser = Browser();
        var signedIn = await LogInAsync(browser, "viewer", DashboardFactory.Password, returnUrl);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_token_stops()
    {
        string token;
        using (var scope = await StoreAsync())
        {
            await scope.Store.AddAsync("leaving", Roles.Analyst, null, DashboardFactory.Password);
            token = await scope.Store.CreateTokenAsync("leaving", "script", TimeSpan.FromDays(1));
            await scope.Store.DisableAsync("leaving");
        }

        using var browser = Browser();
        var login = await LogInAsync(browser, "leaving", DashboardFactory.Password);
        Assert.Contains("error=locked", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/plans")).StatusCode);
    }

    [Fact]
    public async Task Tokens_unknown_malformed_revoked_or_expired_are_401_and_a_valid_one_acts_as_its_owner()
    {
        string valid, revoked, expiring;
        using (var scope = await StoreAsync())
        {
            await scope.Store.AddAsync("script", Roles.Viewer, null, DashboardFactory.Password);
            valid = await scope.Store.CreateTokenAsync("script", "valid", TimeSpan.FromDays(1));
            revoked = await scope.Store.CreateTokenAsync("script", "revoked", TimeSpan.FromDays(1));
            await scope.Store.RevokeTokenAsync("script", revoked[..11]);
            expiring = await scope.Store.CreateTokenAsync("script", "expiring", TimeSpan.FromSeconds(1));
        }

        Assert.Equal(HttpStatusCode.OK, (await Bearer(valid).GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(valid).GetAsync("/sql")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        foreach (var bad in new[] { revoked, expiring, "ak_" + new string('A', 43), "not-a-token", "ak_" + new string('x', 500), valid[..^1] })
        {
            using var response = await Bearer(bad).GetAsync("/api/plans");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(Roles.Viewer, true, false)]
    [InlineData(Roles.District, true, true)]
    [InlineData(Roles.District, false, false)]
    [InlineData(Roles.Analyst, false, true)]
    [InlineData(Roles.Admin, true, true)]
    public async Task A_district_official_sees_their_own_districts_small_cells_and_no_other(string role, bool officialsDistrict, bool shown)
    {
        // Small cells of the product snapshot: in the official's district, or in a district of the other plan.
        var cell = officialsDistrict ? ProductCells.Official : ProductCells.Elsewhere;
        using var client = factory.As(role);
        using var body = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/indicators/{cell.Indicator}/series?district={cell.District}&size={Uri.EscapeDataString(ProductCells.Micro)}"));
        var points = body.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(shown, p.GetProperty("value").ValueKind != JsonValueKind.Null));
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

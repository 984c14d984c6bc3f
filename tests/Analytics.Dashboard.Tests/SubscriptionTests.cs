using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;
using Analytics.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// The subscriptions page and API (a reader's own subscriptions; a district official's district only) and the
/// unsubscribe link, which works without a sign-in.
/// </summary>
public sealed partial class SubscriptionTests : IDisposable
{
    private readonly DashboardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, string Token, string Page)> OpenAsync(string role)
    {
        var client = _factory.As(role, allowAutoRedirect: false);
        var page = await client.GetStringAsync("/subscriptions");
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        return (client, token, page);
    }

    private static async Task<string> PostAsync(HttpClient client, string token, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = token;
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/subscriptions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return WebUtility.HtmlDecode(body);
    }

    private async Task<List<Subscription>> StoredAsync(string? user = null)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().ListAsync(user);
    }

    private async Task<Subscription> MakeAsync(string user = "viewer")
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().AddAsync(
            new SubscriptionRequest(user, BriefKinds.Plan, "CQ2013", null, "zh", "0 8 * * 1", null, false, true, DeliveryTargets.Email, user + "@example.gov.cn"), null);
    }

    [Fact]
    public async Task A_reader_adds_a_weekly_brief_on_the_page_sees_it_listed_and_ends_it()
    {
        var (client, token, page) = await OpenAsync(Roles.Viewer);
        Assert.Contains("id=\"subs-none\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-subscriptions\"", page, StringComparison.Ordinal);
        Assert.Contains("每周一 8:00", page, StringComparison.Ordinal);

        var body = await PostAsync(client, token, "subscription-add", new()
        {
            ["brief"] = "plan", ["plan"] = "CQ2013", ["district"] = "500101", ["language"] = "en", ["preset"] = "0 8 * * 1", ["cron"] = "",
            ["alerts"] = "1", ["email"] = "leader@example.gov.cn",
        });
        Assert.Contains("id=\"subs-done\"", body, StringComparison.Ordinal);
        var s = Assert.Single(await StoredAsync("viewer"));
        Assert.Equal((BriefKinds.Plan, (string?)null, "en", "0 8 * * 1", true, false, "leader@example.gov.cn"), (s.Brief, s.District, s.Language, s.Cron, s.Alerts, s.OnPublish, s.Address));
        Assert.Contains($"data-subscription=\"{s.Id}\"", body, StringComparison.Ordinal);

        body = await PostAsync(client, token, "subscription-end", new() { ["id"] = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("id=\"subs-done\"", body, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("viewer"));
    }

    [Fact]
    public async Task A_refused_subscription_says_why_and_nothing_is_stored()
    {
        var (client, token, _) = await OpenAsync(Roles.Analyst);
        var body = await PostAsync(client, token, "subscription-add", new()
        {
            ["brief"] = "plan", ["plan"] = "CQ2013", ["language"] = "zh", ["preset"] = "", ["cron"] = "every day", ["email"] = "a@example.gov.cn",
        });

        Assert.Contains("id=\"subs-error\"", body, StringComparison.Ordinal);
        Assert.Contains("'every day'", body, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_reader_cannot_end_someone_elses_subscription()
    {
        var other = await MakeAsync("analyst");
        var (client, token, page) = await OpenAsync(Roles.Viewer);
        Assert.DoesNotContain($"data-subscription=\"{other.Id}\"", page, StringComparison.Ordinal);

        var body = await PostAsync(client, token, "subscription-end", new() { ["id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("id=\"subs-error\"", body, StringComparison.Ordinal);
        Assert.Single(await StoredAsync("analyst"));
    }

    [Fact]
    public async Task A_district_official_may_have_their_own_district_brief_and_plan_briefs_but_not_another_district()
    {
        var (client, token, page) = await OpenAsync(Roles.District);
        Assert.Contains($"value=\"{FixtureAccounts.OfficialDistrict}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"500101\"", page, StringComparison.Ordinal);

        var body = await PostAsync(client, token, "subscription-add", new()
        {
            ["brief"] = "district", ["plan"] = "CQ2013", ["district"] = "500101", ["language"] = "zh", ["preset"] = "0 8 * * 1", ["email"] = "d@example.gov.cn",
        });
        Assert.Contains("id=\"subs-error\"", body, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());

        await PostAsync(client, token, "subscription-add", new()
        {
            ["brief"] = "district", ["plan"] = "CQ2013", ["district"] = FixtureAccounts.OfficialDistrict, ["language"] = "zh", ["on_publish"] = "1", ["email"] = "d@example.gov.cn",
        });
        await PostAsync(client, token, "subscription-add", new()
        {
            ["brief"] = "plan", ["plan"] = "YY2020", ["language"] = "zh", ["alerts"] = "1", ["email"] = "d@example.gov.cn",
        });
        Assert.Equal([(BriefKinds.District, FixtureAccounts.OfficialDistrict), (BriefKinds.Plan, null)], (await StoredAsync("district")).Select(s => (s.Brief, s.District)));

        using var api = await client.PostAsJsonAsync("/api/subscriptions", new { brief = "district", plan = "CQ2013", district = "500120", alerts = true, email = "d@example.gov.cn" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.True((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("district", out _));
    }

    [Fact]
    public async Task The_api_adds_lists_and_ends_the_readers_own_subscriptions()
    {
        using var client = _factory.As(Roles.Viewer);
        using var made = await client.PostAsJsonAsync("/api/subscriptions", new { brief = "district", plan = "CQ2013", district = "500120", language = "en", cron = "30 7 * * 1-5", onPublish = true, email = "v@example.gov.cn" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/subscriptions");
        var one = Assert.Single(list.EnumerateArray());
        Assert.Equal(("500120", "30 7 * * 1-5", "Asia/Shanghai", "email"), (one.GetProperty("district").GetString(), one.GetProperty("cron").GetString(), one.GetProperty("timeZone").GetString(), one.GetProperty("target").GetString()));
        Assert.False(one.TryGetProperty("unsubscribeToken", out _));

        using (var otherClient = _factory.As(Roles.Analyst))
        {
            Assert.Empty((await otherClient.GetFromJsonAsync<JsonElement>("/api/subscriptions")).EnumerateArray());
            using var notTheirs = await otherClient.DeleteAsync($"/api/subscriptions/{id}");
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        using var ended = await client.DeleteAsync($"/api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        using var again = await client.DeleteAsync($"/api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("cron", """{"brief":"plan","plan":"CQ2013","cron":"0 8 * *","email":"a@example.gov.cn"}""")]
    [InlineData("cron", """{"brief":"plan","plan":"CQ2013","email":"a@example.gov.cn"}""")]
    [InlineData("email", """{"brief":"plan","plan":"CQ2013","alerts":true,"email":"nobody"}""")]
    [InlineData("district", """{"brief":"plan","plan":"CQ2013","district":"500120","alerts":true,"email":"a@example.gov.cn"}""")]
    [InlineData("district", """{"brief":"district","plan":"CQ2013","district":"430602","alerts":true,"email":"a@example.gov.cn"}""")]
    [InlineData("plan", """{"brief":"plan","plan":"XX1999","alerts":true,"email":"a@example.gov.cn"}""")]
    [InlineData("brief", """{"brief":"city","plan":"CQ2013","alerts":true,"email":"a@example.gov.cn"}""")]
    [InlineData("language", """{"brief":"plan","plan":"CQ2013","language":"fr","alerts":true,"email":"a@example.gov.cn"}""")]
    [InlineData("timeZone", """{"brief":"plan","plan":"CQ2013","cron":"0 8 * * 1","timeZone":"Mars/Olympus","email":"a@example.gov.cn"}""")]
    public async Task The_api_refuses_bad_input_naming_the_field(string field, string json)
    {
        using var client = _factory.As(Roles.Viewer);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/subscriptions", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The_api_and_the_page_need_a_sign_in()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var api = await client.GetAsync("/api/subscriptions");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var page = await client.GetAsync("/subscriptions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_link_shows_a_confirmation_without_a_sign_in_and_its_button_ends_the_subscription()
    {
        var s = await MakeAsync();
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await client.GetAsync($"/unsubscribe/{s.UnsubscribeToken}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"unsubscribe-confirm\"", html, StringComparison.Ordinal);
        Assert.Contains("viewer@example.gov.cn", html, StringComparison.Ordinal);
        Assert.Contains("退订", html, StringComparison.Ordinal);
        var english = await client.GetStringAsync($"/unsubscribe/{s.UnsubscribeToken}?lang=en");
        Assert.Contains("Unsubscribe from the CQ2013 plan brief", WebUtility.HtmlDecode(english), StringComparison.Ordinal);
        Assert.Single(await StoredAsync());

        using var empty = new FormUrlEncodedContent([]);
        using var posted = await client.PostAsync($"/unsubscribe/{s.UnsubscribeToken}", empty);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/unsubscribe/{s.UnsubscribeToken}", posted.Headers.Location!.OriginalString);
        Assert.Empty(await StoredAsync());

        var done = await client.GetStringAsync($"/unsubscribe/{s.UnsubscribeToken}");
        Assert.Contains("id=\"unsubscribe-done\"", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_click_post_from_a_mail_client_ends_the_subscription_without_antiforgery_or_sign_in()
    {
        var s = await MakeAsync();
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);

        using var response = await client.PostAsync($"/unsubscribe/{s.UnsubscribeToken}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task An_unknown_unsubscribe_link_is_404()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var unknown = new string('0', 32);

        // The page says so, to a reader who is not signed in (the site's not-found page would ask them to sign in first).
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/unsubscribe/{unknown}");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("id=\"unsubscribe-unknown\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using var posted = await client.PostAsync($"/unsubscribe/{unknown}", body);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

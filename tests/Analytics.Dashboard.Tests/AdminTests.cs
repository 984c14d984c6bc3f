using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Accounts;
using Analytics.Catalog;
using Analytics.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests;

/// <summary>The admin page: accounts (add, role, disable, enable) and target versions, each audited; refused to every other role.</summary>
public sealed partial class AdminTests : IDisposable
{
    private readonly DashboardFactory _factory = new() { UseFolder = true };

    private string Revisions => Path.Combine(_factory.Folder, TargetRevisionLog.FileName);

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, string Token, string Page)> OpenAsync(string role = Roles.Admin, string query = "")
    {
        var client = _factory.As(role, allowAutoRedirect: false);
        var page = await client.GetStringAsync("/admin" + query);
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        return (client, token, page);
    }

    private static async Task<string> PostAsync(HttpClient client, string token, string handler, Dictionary<string, string> fields, string query = "")
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = token;
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/admin" + query, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return WebUtility.HtmlDecode(body);
    }

    private async Task<IReadOnlyList<AccountSummary>> AccountsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountStore>().ListAsync();
    }

    private IEnumerable<JsonElement> Access() => File.ReadAllLines(_factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement);

    [Fact]
    public async Task The_page_lists_the_accounts_and_every_indicator_with_targets()
    {
        var (_, _, page) = await OpenAsync();
        foreach (var name in new[] { "viewer", "district", "analyst", "admin" })
        {
            Assert.Contains($"data-account=\"{name}\"", page, StringComparison.Ordinal);
        }

        foreach (var id in TargetCatalog.Versions.Select(v => v.IndicatorId).Distinct())
        {
            Assert.Contains($"data-indicator=\"{id}\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_adds_an_account_sees_its_password_once_and_the_addition_is_audited()
    {
        var (client, token, _) = await OpenAsync();
        var body = await PostAsync(client, token, "account-add", new() { ["name"] = "wang.fang", ["role"] = Roles.District, ["district"] = "500120" });

        var password = WebUtility.HtmlDecode(PasswordPattern().Match(body).Groups[1].Value);
        Assert.True(password.Length >= 12, body);
        var added = Assert.Single(await AccountsAsync(), a => a.Name == "wang.fang");
        Assert.Equal((Roles.District, "500120"), (added.Role, added.District));
        Assert.Contains(Access(), l => l.GetProperty("event").GetString() == "account_added" && l.GetProperty("who").GetString() == "wang.fang"
            && l.GetProperty("detail").GetString() == "district 500120 by admin");

        var again = await client.GetStringAsync("/admin");
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_says_why_and_changes_nothing()
    {
        var (client, token, _) = await OpenAsync();
        var body = await PostAsync(client, token, "account-add", new() { ["name"] = "li", ["role"] = Roles.District, ["district"] = "" });
        Assert.Contains("id=\"admin-error\"", body, StringComparison.Ordinal);
        Assert.Contains("needs the district", body, StringComparison.Ordinal);
        Assert.DoesNotContain(await AccountsAsync(), a => a.Name == "li");

        body = await PostAsync(client, token, "account-state", new() { ["op"] = "disable:admin" });
        Assert.Contains("last active administrator", body, StringComparison.Ordinal);
        Assert.False(Assert.Single(await AccountsAsync(), a => a.Name == "admin").Disabled);
    }

    [Fact]
    public async Task An_admin_changes_a_role_disables_and_enables_an_account()
    {
        var (client, token, _) = await OpenAsync();
        await PostAsync(client, token, "account-add", new() { ["name"] = "zhao", ["role"] = Roles.Viewer });

        await PostAsync(client, token, "account-role", new() { ["name"] = "zhao", ["role"] = Roles.Analyst, ["district"] = "500120" });
        var zhao = Assert.Single(await AccountsAsync(), a => a.Name == "zhao");
        Assert.Equal((Roles.Analyst, (string?)null), (zhao.Role, zhao.District));

        await PostAsync(client, token, "account-state", new() { ["op"] = "disable:zhao" });
        Assert.True(Assert.Single(await AccountsAsync(), a => a.Name == "zhao").Disabled);
        await PostAsync(client, token, "account-state", new() { ["op"] = "enable:zhao" });
        Assert.False(Assert.Single(await AccountsAsync(), a => a.Name == "zhao").Disabled);

        var events = Access().Where(l => l.TryGetProperty("who", out var w) && w.GetString() == "zhao").Select(l => l.GetProperty("event").GetString()).ToList();
        Assert.Equal(["account_added", "role_changed", "account_disabled", "account_enabled"], events);
    }

    [Fact]
    public async Task An_admin_records_a_target_version_with_who_when_and_the_source_and_it_waits_for_the_next_build()
    {
        var (client, token, page) = await OpenAsync(query: "?edit=YY-POLING");
        Assert.Contains("id=\"target-edit\"", page, StringComparison.Ordinal);
        var body = await PostAsync(client, token, "target-edit", new()
        {
            ["indicator"] = "YY-POLING", ["based_on"] = "1", ["value_0"] = "50", ["value_1"] = "50", ["value_2"] = "60",
            ["comparator_0"] = ">=", ["comparator_1"] = ">=", ["comparator_2"] = ">=",
            ["source"] = "岳阳市工信局 2021年调整通知 第二条", ["reason"] = "中期调整",
        }, "?edit=YY-POLING");

        Assert.Contains("id=\"admin-done\"", body, StringComparison.Ordinal);
        var recorded = Assert.Single(new TargetRevisionLog(Revisions).Read());
        Assert.Equal((2, "admin", "岳阳市工信局 2021年调整通知 第二条", "中期调整"), (recorded.Version, recorded.RecordedBy, recorded.SourceDocument, recorded.Reason));
        Assert.Equal([50.0, 50, 60], recorded.Rows.Select(r => r.Value));
        Assert.Null(recorded.Rows[2].Note);
        Assert.Equal("每年50家以上", recorded.Rows[0].Note);
        Assert.Contains("class=\"pending\"", body, StringComparison.Ordinal);
        Assert.Contains(Access(), l => l.GetProperty("event").GetString() == "target_recorded" && l.GetProperty("detail").GetString() == "YY-POLING version 2");
    }

    [Fact]
    public async Task A_share_is_entered_in_percent_and_a_wrong_or_stale_target_is_refused_without_writing()
    {
        const string Edit = "?edit=CQ-IT-ADOPT";
        var (client, token, page) = await OpenAsync(query: Edit);
        Assert.Contains("value=\"45\"", page, StringComparison.Ordinal);

        var body = await PostAsync(client, token, "target-edit", new() { ["indicator"] = "CQ-IT-ADOPT", ["based_on"] = "1", ["value_0"] = "四十五", ["source"] = "doc" }, Edit);
        Assert.Contains("四十五", body, StringComparison.Ordinal);
        body = await PostAsync(client, token, "target-edit", new() { ["indicator"] = "CQ-IT-ADOPT", ["based_on"] = "1", ["value_0"] = "50", ["source"] = "" }, Edit);
        Assert.Contains("source document", body, StringComparison.Ordinal);
        body = await PostAsync(client, token, "target-edit", new() { ["indicator"] = "CQ-IT-ADOPT", ["based_on"] = "0", ["value_0"] = "50", ["source"] = "doc" }, Edit);
        Assert.Contains("someone recorded a change meanwhile", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Revisions));

        await PostAsync(client, token, "target-edit", new() { ["indicator"] = "CQ-IT-ADOPT", ["based_on"] = "1", ["value_0"] = "50%", ["source"] = "doc" }, Edit);
        Assert.Equal(0.5, Assert.Single(Assert.Single(new TargetRevisionLog(Revisions).Read()).Rows).Value, 10);
    }

    [Fact]
    public async Task A_corrupt_revisions_file_is_named_on_the_page_and_refuses_new_versions_without_touching_it()
    {
        File.WriteAllText(Revisions, "{not json\n");
        var (client, token, page) = await OpenAsync(query: "?edit=YY-POLING");
        Assert.Contains("id=\"admin-error\"", page, StringComparison.Ordinal);
        Assert.Contains("line 1", page, StringComparison.Ordinal);

        var body = await PostAsync(client, token, "target-edit", new()
        {
            ["indicator"] = "YY-POLING", ["based_on"] = "1", ["value_0"] = "50", ["value_1"] = "50", ["value_2"] = "60", ["source"] = "doc",
        }, "?edit=YY-POLING");
        Assert.Contains("line 1", body, StringComparison.Ordinal);
        Assert.Equal("{not json\n", File.ReadAllText(Revisions));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.District)]
    [InlineData(Roles.Analyst)]
    public async Task Every_other_role_is_refused_the_page_and_its_forms_and_nothing_changes(string role)
    {
        using var client = _factory.As(role, allowAutoRedirect: false);
        using (var get = await client.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        }

        var posts = new (string Handler, Dictionary<string, string> Fields)[]
        {
            ("account-add", new() { ["name"] = "intruder", ["role"] = Roles.Admin }),
            ("account-role", new() { ["name"] = role, ["role"] = Roles.Admin }),
            ("target-edit", new() { ["indicator"] = "YY-POLING", ["based_on"] = "1", ["value_0"] = "1", ["value_1"] = "1", ["value_2"] = "1", ["source"] = "x" }),
        };
        foreach (var (handler, fields) in posts)
        {
            fields["_handler"] = handler;
            using var form = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync("/admin", form);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.DoesNotContain(await AccountsAsync(), a => a.Name == "intruder");
        Assert.Equal(role, Assert.Single(await AccountsAsync(), a => a.Name == role).Role);
        Assert.False(File.Exists(Revisions));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("id=\"admin-password\">[^<]*<code>([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}

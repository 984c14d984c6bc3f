using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboard.SqlConsole;
using Analytics.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboard.Tests;

public sealed partial class SqlConsoleTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<SqlConsoleResult> Run(string sql)
    {
        _ = factory.Server; // starts the app
        var runner = factory.Services.GetRequiredService<SqlConsoleRunner>();
        return await runner.RunAsync(sql, DashboardFactory.MaxRows, "test", CancellationToken.None);
    }

    [Fact]
    public async Task A_select_returns_the_mart_rows()
    {
        var result = await Run("SELECT indicator_id, year, value FROM mart_indicator WHERE indicator_id = 'CQ-TECH-SME' AND district_code = 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' ORDER BY year");
        Assert.Null(result.Error);
        Assert.Equal(SqlOutcome.Ok, result.Outcome);
        Assert.Equal(["indicator_id", "year", "value"], result.Table!.Columns);
        Assert.Equal(["1000", "2000", "3000", "4000", "5000"], result.Table.Rows.Select(r => r[2]));
    }

    [Theory]
    [InlineData("INSERT INTO mart_indicator (indicator_id) VALUES ('x')")]
    [InlineData("UPDATE mart_indicator SET value = 0")]
    [InlineData("DELETE FROM mart_indicator")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("DROP TABLE mart_indicator")]
    [InlineData("COPY mart_indicator TO '/tmp/leak.csv'")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("LOAD json")]
    [InlineData("SET memory_limit = '100GB'")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("RESET memory_limit")]
    [InlineData("PRAGMA enable_profiling")]
    [InlineData("EXPORT DATABASE '/tmp/leak'")]
    [InlineData("CHECKPOINT")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1; DROP TABLE mart_indicator")]
    public async Task Anything_but_one_select_is_refused_with_a_message(string sql)
    {
        var result = await Run(sql);
        Assert.Null(result.Table);
        Assert.Equal(SqlOutcome.Refused, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(240, Mart.Rows(factory.SnapshotPath, "indicator_id = 'CQ-TECH-SME'").Count);
        Assert.False(File.Exists("/tmp/leak.csv"));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM read_parquet('/tmp/*.parquet')")]
    [InlineData("SELECT * FROM glob('/etc/*')")]
    public async Task Reading_local_files_is_refused_by_the_engine(string sql)
    {
        var result = await Run(sql);
        Assert.Null(result.Table);
        Assert.Equal(SqlOutcome.Error, result.Outcome);
        Assert.Matches(PermissionPattern(), result.Error!);
    }

    [Fact]
    public async Task Settings_stay_locked_and_limited()
    {
        var result = await Run("SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'access_mode', 'autoload_known_extensions', 'threads') ORDER BY name");
        Assert.Null(result.Error);
        var settings = result.Table!.Rows.ToDictionary(r => r[0]!, r => r[1]);
        Assert.Equal("false", settings["enable_external_access"]);
        Assert.Equal("true", settings["lock_configuration"]);
        Assert.Equal("read_only", settings["access_mode"]);
        Assert.Equal("false", settings["autoload_known_extensions"]);
        Assert.Equal("1", settings["threads"]);
    }

    [Fact]
    public async Task A_query_that_runs_forever_is_stopped_at_the_time_limit()
    {
        var clock = Stopwatch.StartNew();
        var result = await Run("SELECT count(*) FROM range(1000000000000) a, range(1000) b WHERE a.range * b.range % 7 = 3");
        clock.Stop();
        Assert.Equal(SqlOutcome.TimedOut, result.Outcome);
        Assert.Contains("time limit", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(DashboardFactory.TimeoutSeconds + 5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_huge_result_is_capped_and_says_so()
    {
        var result = await Run("SELECT * FROM range(100000000)");
        Assert.Equal(SqlOutcome.Capped, result.Outcome);
        Assert.True(result.Table!.Capped);
        Assert.Equal(DashboardFactory.MaxRows, result.Table.Rows.Count);
    }

    [Fact]
    public async Task A_syntax_error_is_explained()
    {
        var result = await Run("SELEC 1");
        Assert.Equal(SqlOutcome.Refused, result.Outcome);
        Assert.Contains("syntax", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_query_is_written_to_the_audit_log()
    {
        var marker = "audit-" + Guid.NewGuid().ToString("N");
        await Run($"SELECT '{marker}' AS m");
        await Run($"DROP TABLE x -- {marker}");
        var lines = File.ReadAllLines(factory.AuditLog).Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("\"outcome\":\"Ok\"", lines[0]);
        Assert.Contains("\"outcome\":\"Refused\"", lines[1]);
    }

    [Fact]
    public async Task The_console_page_posts_with_antiforgery_and_renders_rows()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync("/sql");
        var token = AntiforgeryPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sql"] = "SELECT plan, count(*) AS n FROM mart_indicator GROUP BY plan ORDER BY plan",
            ["_handler"] = "sql",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        var response = await client.PostAsync("/sql", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>CQ2013</td>", html);

        using var csvForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sql"] = "SELECT 1 AS one",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        var csv = await client.PostAsync("/sql/csv", csvForm);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("one\r\n1\r\n", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["sql"] = "SELECT 1", ["_handler"] = "sql" });
        var page = await client.PostAsync("/sql", form);
        Assert.True(page.StatusCode == HttpStatusCode.BadRequest, await page.Content.ReadAsStringAsync());
        using var csvForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["sql"] = "SELECT 1" });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/sql/csv", csvForm)).StatusCode);
    }

    [GeneratedRegex("Permission|disabled|not allowed", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

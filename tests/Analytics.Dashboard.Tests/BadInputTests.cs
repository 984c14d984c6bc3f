using Analytics.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

public sealed class BadInputTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static readonly TheoryData<string> Injections =
    [
        "' OR '1'='1",
        "ALL'; DROP TABLE mart_indicator; --",
        "500101' UNION SELECT * FROM duckdb_settings() --",
        "$district",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "ALL\t",
        new string('9', 5000),
    ];

    [Theory]
    [InlineData("/api/indicators/NOPE")]
    [InlineData("/api/indicators/NOPE/series")]
    [InlineData("/api/indicators/NOPE/series.csv")]
    [InlineData("/api/indicators/NOPE/breakdown?year=2014")]
    [InlineData("/api/plans/XX2099")]
    [InlineData("/indicator/NOPE")]
    [InlineData("/district/999999")]
    [InlineData("/industry/NOPE")]
    public async Task Unknown_ids_are_404(string url)
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_problem_document()
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/api/indicators/NOPE/series");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("NOPE", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("year=2030", "year")]
    [InlineData("year=2011", "year")]
    [InlineData("year=twenty", "year")]
    [InlineData("year=2014.5", "year")]
    [InlineData("year=-2014", "year")]
    [InlineData("year=2014&by=size", "by")]
    [InlineData("year=2014&by=industry&district=430602", "district")]
    [InlineData("year=2014&size=huge", "size")]
    public async Task Bad_breakdown_parameters_are_400_saying_which(string query, string parameter)
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/api/indicators/CQ-TECH-SME/breakdown?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out var messages), body.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_attempts_in_every_parameter_are_400_and_change_nothing(string attack)
    {
        using var client = factory.As(Roles.Viewer);
        var a = Uri.EscapeDataString(attack);
        foreach (var (url, parameter) in new[]
        {
            ($"/api/indicators/CQ-TECH-SME/series?district={a}", "district"),
            ($"/api/indicators/CQ-TECH-SME/series?industry={a}", "industry"),
            ($"/api/indicators/CQ-TECH-SME/series?size={a}", "size"),
            ($"/api/indicators/CQ-TECH-SME/breakdown?year={a}", "year"),
            ($"/api/indicators/CQ-TECH-SME/breakdown?by={a}", "by"),
            ($"/api/indicators/CQ-TECH-SME/breakdown?by=industry&district={a}", "district"),
            ($"/api/indicators/CQ-TECH-SME/series.csv?district={a}", "district"),
            ($"/api/indicators?plan={a}", "plan"),
            ($"/api/districts?plan={a}", "plan"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), url);
        }

        var id = await client.GetAsync($"/api/indicators/{a}/series");
        Assert.Equal(HttpStatusCode.NotFound, id.StatusCode);
        var page = await client.GetAsync($"/indicator/CQ-TECH-SME?district={a}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        const string Cells = "indicator_id = 'CQ-TECH-SME' AND year = 2012 AND size_class = 'ALL'";
        Assert.Equal(ProductCells.Count(Cells), Mart.Rows(factory.SnapshotPath, Cells).Count);
    }
}

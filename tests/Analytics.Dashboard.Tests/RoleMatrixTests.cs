using System.Net;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// Every endpoint and page × every role and an anonymous request → the status each deserves; a refused request's body
/// carries no data (only a problem document, a redirect, or the denied page).
/// </summary>
public sealed class RoleMatrixTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Anonymous = "anonymous";

    /// <summary>Who may do what: the readers' group (every role), the analysts' (analyst, admin), or anyone.</summary>
    private enum Access
    {
        Anyone,
        Reader,
        Analyst,
        Admin,
    }

    private static readonly (string Url, Access Access, bool Page)[] Gets =
    [
        ("/api/ping", Access.Anyone, false),
        ("/api/plans", Access.Reader, false),
        ("/api/plans/CQ2013", Access.Reader, false),
        ("/api/indicators", Access.Reader, false),
        ("/api/indicators/CQ-TECH-SME", Access.Reader, false),
        ("/api/indicators/CQ-TECH-SME/series?district=500101", Access.Reader, false),
        ("/api/indicators/CQ-TECH-SME/series.csv?district=500101", Access.Reader, false),
        ("/api/indicators/CQ-TECH-SME/series.arrow?district=500101", Access.Reader, false),
        ("/api/indicators/CQ-IT-ADOPT/breakdown.arrow?by=district&year=2015", Access.Reader, false),
        ("/api/plans/CQ2013/grid.arrow?year=2015", Access.Reader, false),
        ("/api/plans/CQ2013/cells.arrow?district=500103", Access.Reader, false),
        ("/api/data/quarantine.arrow", Access.Reader, false),
        ("/api/indicators/CQ-IT-ADOPT/breakdown?by=industry&year=2015", Access.Reader, false),
        ("/api/indicators/CQ-IT-ADOPT/breakdown.csv?by=district&year=2015", Access.Reader, false),
        ("/api/indicators/CQ-TECH-SME/series.xlsx?district=500101", Access.Reader, false),
        ("/api/indicators/CQ-IT-ADOPT/breakdown.xlsx?by=district&year=2015", Access.Reader, false),
        ("/api/plans/CQ2013/grid.csv?year=2015", Access.Reader, false),
        ("/api/plans/CQ2013/grid.xlsx?year=2015&by=industry", Access.Reader, false),
        ("/api/plans/CQ2013/cells.csv?district=500103", Access.Reader, false),
        ("/api/plans/YY2020/cells.xlsx?industry=FOOD", Access.Reader, false),
        ("/api/districts", Access.Reader, false),
        ("/api/industries?plan=YY2020", Access.Reader, false),
        ("/api/size-classes", Access.Reader, false),
        ("/api/data/snapshot", Access.Reader, false),
        ("/api/data/freshness", Access.Reader, false),
        ("/api/data/loads", Access.Reader, false),
        ("/api/data/quarantine", Access.Reader, false),
        ("/openapi/v1.json", Access.Reader, false),
        ("/api/reference/", Access.Reader, false),
        ("/api/subscriptions", Access.Reader, false),
        ("/subscriptions", Access.Reader, true),
        ("/account/login", Access.Anyone, true),
        ("/", Access.Reader, true),
        ("/?plan=YY2020&lang=en", Access.Reader, true),
        ("/indicator/CQ-IT-ADOPT?district=500101", Access.Reader, true),
        ("/district/500103", Access.Reader, true),
        ("/industry/ELEC", Access.Reader, true),
        ("/data", Access.Reader, true),
        ("/sql", Access.Analyst, true),
        ("/admin", Access.Admin, true),
        ("/admin?edit=YY-POLING&lang=en", Access.Admin, true),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (url, _, _) in Gets)
        {
            foreach (var who in new[] { Anonymous, Roles.Viewer, Roles.District, Roles.Analyst, Roles.Admin })
            {
                data.Add(url, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_what_its_role_allows_and_nothing_else(string url, string who)
    {
        var (_, access, page) = Gets.Single(g => g.Url == url);
        using var client = who == Anonymous
            ? factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : factory.As(who, allowAutoRedirect: false);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var allowed = access switch
        {
            Access.Anyone => true,
            Access.Reader => who != Anonymous,
            Access.Admin => who == Roles.Admin,
            _ => who is Roles.Analyst or Roles.Admin,
        };

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
            return;
        }

        if (who == Anonymous && page)
        {
            // A browser is sent to the login page, and back afterwards.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(who == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        }

        AssertNoData(body);
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.District)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public async Task A_page_pdf_is_for_readers_and_never_of_a_page_their_role_may_not_read(string who)
    {
        using var client = who == Anonymous
            ? factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : factory.As(who, allowAutoRedirect: false);
        foreach (var page in new[] { "/indicator/CQ-TECH-SME", "/sql", "/admin" })
        {
            using var response = await client.GetAsync("/export/pdf?page=" + Uri.EscapeDataString(page));
            var body = await response.Content.ReadAsStringAsync();
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);   // the test server has no address Chromium could open
            if (who == Anonymous)
            {
                // A browser following the link is sent to sign in first.
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                AssertNoData(body);
            }
            else if (page == "/indicator/CQ-TECH-SME")
            {
                Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);   // let through to the printer, which finds no server here
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);   // only reading pages are printed
                Assert.Contains("page", body, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.District)]
    public async Task The_console_refuses_a_query_posted_by_a_reader_and_runs_none(string who)
    {
        var before = File.Exists(factory.AuditLog) ? File.ReadAllLines(factory.AuditLog).Length : 0;
        using var client = factory.As(who, allowAutoRedirect: false);
        foreach (var path in new[] { "/sql", "/sql/csv", "/sql/json", "/sql/arrow" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["sql"] = "SELECT * FROM indicator_contribution", ["_handler"] = "sql" });
            using var response = await client.PostAsync(path, form);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            AssertNoData(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, File.Exists(factory.AuditLog) ? File.ReadAllLines(factory.AuditLog).Length : 0);
    }

    [Fact]
    public async Task Refused_requests_are_in_the_access_log_with_who_and_what()
    {
        using (var viewer = factory.As(Roles.Viewer, allowAutoRedirect: false))
        {
            (await viewer.GetAsync("/sql")).Dispose();
        }

        using (var anonymous = factory.CreateClient())
        {
            (await anonymous.GetAsync("/api/plans")).Dispose();
        }

        var lines = File.ReadAllLines(factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "denied" && l.GetProperty("who").GetString() == "viewer" && l.GetProperty("path").GetString() == "GET /sql");
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "unauthenticated" && !l.TryGetProperty("who", out _) && l.GetProperty("path").GetString() == "GET /api/plans");
    }

    [Fact]
    public async Task An_analysts_download_is_in_the_access_log()
    {
        using var analyst = factory.As(Roles.Analyst);
        (await analyst.GetAsync("/api/indicators/CQ-TECH-SME/series.csv?district=500103")).EnsureSuccessStatusCode();
        Assert.Contains(File.ReadAllLines(factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement), l =>
            l.GetProperty("event").GetString() == "download" && l.GetProperty("who").GetString() == "analyst"
            && l.GetProperty("path").GetString() == "GET /api/indicators/CQ-TECH-SME/series.csv?district=500103");
    }

    /// <summary>A refused body holds no number or name from the marts.</summary>
    private static void AssertNoData(string body)
    {
        foreach (var data in new[] { "CQ-TECH-SME", "CQ2013", "indicator_id", "渝中", "value", "500101", "mart_" })
        {
            Assert.DoesNotContain(data, body, StringComparison.Ordinal);
        }
    }
}

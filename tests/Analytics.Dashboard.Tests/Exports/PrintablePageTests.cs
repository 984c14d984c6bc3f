using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests.Exports;

/// <summary>
/// Which pages <c>/export/pdf</c> prints: the reading pages of this dashboard only — never another host, an API, the
/// console, the admin page or the printer itself. (The printing itself is tested in a real browser:
/// <c>ExportsInBrowserTests</c>.)
/// </summary>
public sealed class PrintablePageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/", "overview.pdf")]
    [InlineData("/?plan=CQ2013&year=2015&by=industry&lang=en", "overview-CQ2013-2015-industry.pdf")]
    [InlineData("/indicator/CQ-TECH-SME?year=2015", "indicator-CQ-TECH-SME-2015.pdf")]
    [InlineData("/indicator/CQ-IT-ADOPT?district=500103&year=2014&lang=zh", "indicator-CQ-IT-ADOPT-500103-2014.pdf")]
    [InlineData("/district/500120?year=2015", "district-500120-2015.pdf")]
    [InlineData("/industry/EQUIP?plan=YY2020&year=2022", "industry-EQUIP-YY2020-2022.pdf")]
    [InlineData("/data", "data.pdf")]
    public void A_reading_page_is_printable_under_a_name_made_of_its_path_and_filters(string page, string fileName)
    {
        var printable = PrintablePage.Parse(page, out var error);
        Assert.Null(error);
        Assert.Equal(page, printable!.PathAndQuery);
        Assert.Equal(fileName, printable.FileName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("indicator/CQ-TECH-SME")]
    [InlineData("//evil.example/indicator/X")]
    [InlineData("/\\evil.example")]
    [InlineData("http://evil.example/")]
    [InlineData("https://127.0.0.1:5080/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/api/indicators/CQ-TECH-SME/series.csv")]
    [InlineData("/export/pdf?page=/")]
    [InlineData("/sql")]
    [InlineData("/admin")]
    [InlineData("/account/logout")]
    [InlineData("/indicator/")]
    [InlineData("/indicator/../admin")]
    [InlineData("/indicator/X#frag")]
    [InlineData("/indicator/X\n")]
    public void Anything_else_is_refused_with_a_reason(string? page)
    {
        Assert.Null(PrintablePage.Parse(page, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_very_long_page_is_refused()
    {
        Assert.Null(PrintablePage.Parse("/indicator/X?year=" + new string('9', PrintablePage.MaxLength), out var error));
        Assert.Contains("at most", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/export/pdf")]
    [InlineData("/export/pdf?page=%2F%2Fevil.example%2F")]
    [InlineData("/export/pdf?page=%2Fadmin")]
    [InlineData("/export/pdf?page=http%3A%2F%2F127.0.0.1%2F")]
    public async Task The_endpoint_refuses_them_as_a_validation_problem_naming_the_page_parameter(string url)
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Signed_out_readers_get_no_pdf()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/export/pdf?page=%2F");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_printer_that_cannot_reach_the_dashboard_answers_502_saying_what_to_set_not_500()
    {
        // Port 9 (discard) is closed on loopback: Chromium's navigation is refused.
        using var unreachable = new DashboardFactory { Settings = new Dictionary<string, string> { ["Analytics:Pdf:BaseUrl"] = "http://127.0.0.1:9" } };
        using var client = unreachable.As(Roles.Viewer);
        var response = await client.GetAsync("/export/pdf?page=%2F");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.BadGateway == response.StatusCode, body);
        Assert.Contains("Analytics:Pdf:BaseUrl", body, StringComparison.Ordinal);
    }
}

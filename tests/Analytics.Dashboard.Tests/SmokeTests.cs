using Analytics.Accounts;
using System.Net;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

public sealed class SmokeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/api/ping")]
    [InlineData("/api/plans")]
    [InlineData("/api/indicators")]
    [InlineData("/api/indicators/CQ-TECH-SME/series?district=500101")]
    [InlineData("/api/indicators/CQ-IT-ADOPT/breakdown?by=industry&year=2015")]
    [InlineData("/api/data/quarantine")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/?plan=CQ2013")]
    [InlineData("/?plan=YY2020&lang=en")]
    [InlineData("/indicator/CQ-IT-ADOPT?district=500101")]
    [InlineData("/indicator/YY-NEWPROD")]
    [InlineData("/district/500103")]
    [InlineData("/industry/ELEC")]
    [InlineData("/data")]
    [InlineData("/sql")]
    public async Task Every_page_and_endpoint_answers_200(string url)
    {
        using var client = factory.As(Roles.Analyst);
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 3000)]}");
    }
}

using System.Net;
using System.Text.Json;
using Analytics.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Dashboard.Tests;

/// <summary>The public read-only setting: an anonymous request reads as a viewer, and gets no more than a viewer.</summary>
public sealed class AnonymousViewerTests : IDisposable
{
    private readonly DashboardFactory _factory = new() { Settings = new Dictionary<string, string> { ["Analytics:Accounts:AnonymousViewer"] = "true" } };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_anonymous_request_reads_as_a_viewer_with_small_cells_withheld()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?plan=CQ2013")).StatusCode);
        var cell = ProductCells.Official;
        using var body = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/indicators/{cell.Indicator}/series?district={cell.District}&size={Uri.EscapeDataString(ProductCells.Micro)}"));
        var points = body.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("value").ValueKind));
    }

    [Fact]
    public async Task The_console_still_needs_an_analyst()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sql")).StatusCode);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["sql"] = "SELECT 1" });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/sql/csv", form)).StatusCode);
    }

    [Fact]
    public async Task A_bad_token_is_still_refused_rather_than_read_as_anonymous()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ak_revoked-or-made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/plans")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

/// <summary>What a balancer and a service manager ask each process (deploy/, docs/deployment.md): anonymous, no database work.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_and_ready_answer_anonymously_with_the_snapshot_served()
    {
        using var factory = new DashboardFactory();
        using var client = factory.CreateClient();

        Assert.Equal("live", await client.GetStringAsync("/health/live"));
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), body.GetProperty("snapshot").GetString());
    }

    [Fact]
    public async Task Without_a_snapshot_the_process_is_live_but_not_ready()
    {
        // A snapshot folder whose only snapshot is gone: nothing to serve.
        using var factory = new DashboardFactory { UseFolder = true };
        File.Delete(factory.SnapshotPath);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_ready", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("reason").GetString()));
    }
}

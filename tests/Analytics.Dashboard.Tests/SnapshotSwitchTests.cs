using Analytics.Accounts;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Dashboard.Tests.Support;
using Analytics.TestSupport;

namespace Analytics.Dashboard.Tests;

public sealed class SnapshotSwitchTests
{
    [Fact]
    public async Task A_newer_snapshot_is_served_without_restart_and_requests_keep_working()
    {
        using var factory = new DashboardFactory { UseFolder = true };
        using var client = factory.As(Roles.Viewer);
        var first = await client.GetFromJsonAsync<JsonElement>("/api/data/snapshot");
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), first.GetProperty("file").GetString());

        // Requests run throughout the switch: none may fail.
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var r = await client.GetAsync("/api/indicators/CQ-TECH-SME/series?district=500101");
                Assert.True(r.IsSuccessStatusCode, $"request {n} failed: {(int)r.StatusCode}");
                n++;
            }

            return n;
        });

        var building = Path.Combine(factory.Folder, ".building-1.duckdb");
        SnapshotFactory.CopyFile(building);
        var newer = Path.Combine(factory.Folder, "warehouse-20990101T000000000-0000beef.duckdb");
        File.Move(building, newer);
        File.WriteAllText(Path.Combine(factory.Folder, "current.json"), $"{{\"snapshot\": \"{Path.GetFileName(newer)}\"}}");

        string? served = null;
        // Opening and warming run at nice 10: on a busy machine (tests of other classes alongside) that takes seconds.
        for (var i = 0; i < 300 && served != Path.GetFileName(newer); i++)
        {
            await Task.Delay(100);
            served = (await client.GetFromJsonAsync<JsonElement>("/api/data/snapshot")).GetProperty("file").GetString();
        }

        await stop.CancelAsync();
        Assert.Equal(Path.GetFileName(newer), served);
        Assert.True(await load > 0);
    }

    [Fact]
    public async Task Without_a_snapshot_the_api_answers_503_with_the_reason()
    {
        using var factory = new DashboardFactory { UseFolder = true };
        File.Delete(factory.SnapshotPath);
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/api/plans");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("analytics build", await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Accounts;
using Analytics.Dashboard.Tests.Support;
using Analytics.TestSupport;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// A damaged current snapshot (truncated, or with a SHA-256 that no longer matches its record) with an intact older
/// one beside it: the dashboard serves the older one and says so, whether it finds the damage at start or while
/// running, and never answers 500. The folders are copies of the product's published folder (<see cref="SnapshotFactory.CopyFolder"/>).
/// </summary>
public sealed class SnapshotFallbackTests
{
    /// <summary>The dashboard on a copy of the product's snapshot folder, with an older copy of the snapshot published before it.</summary>
    private sealed class FallbackFactory : DashboardFactory
    {
        public FallbackFactory()
            : base(path => SnapshotFactory.CopyFolder(Path.GetDirectoryName(path)!), writesPointer: false)
        {
            UseFolder = true;
            Older = PublishOlderCopy(SnapshotPath);
        }

        /// <summary>An intact copy of the snapshot, published (file and record) under an older name.</summary>
        public string Older { get; }

        private static string PublishOlderCopy(string current)
        {
            var folder = Path.GetDirectoryName(current)!;
            var older = Path.Combine(folder, "warehouse-20000101T000000000-00000001.duckdb");
            File.Copy(current, older);
            var record = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(current, ".json")))!;
            record["snapshot"] = Path.GetFileName(older);
            File.WriteAllText(Path.ChangeExtension(older, ".json"), record.ToJsonString());
            return older;
        }
    }

    private static void Truncate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.SetLength(stream.Length / 2);
    }

    private static async Task<JsonElement> Snapshot(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/data/snapshot");

    /// <summary>Polls <c>/api/data/snapshot</c> (no timing is asserted: the limit only keeps a broken build from hanging).</summary>
    private static async Task<JsonElement> WaitForFallback(HttpClient client)
    {
        var snapshot = await Snapshot(client);
        for (var i = 0; i < 300 && snapshot.GetProperty("fallback").ValueKind == JsonValueKind.Null; i++)
        {
            await Task.Delay(100);
            snapshot = await Snapshot(client);
        }

        return snapshot;
    }

    private static async Task<string> AnIndicator(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/indicators"))[0].GetProperty("id").GetString()!;

    /// <summary>Every URL of the issue answers 200 (never 500, never 503).</summary>
    private static async Task AllAnswer(HttpClient client, string indicator)
    {
        foreach (var url in new[] { "/api/data/quarantine", "/api/data/freshness", "/api/data/loads", "/data", "/data?lang=en", $"/indicator/{indicator}", $"/api/indicators/{indicator}/series" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_freshly_started_dashboard_serves_the_older_snapshot_when_the_current_one_is_truncated_and_says_so()
    {
        using var factory = new FallbackFactory();
        Truncate(factory.SnapshotPath);
        using var client = factory.As(Roles.Viewer);

        var snapshot = await Snapshot(client);

        Assert.Equal(Path.GetFileName(factory.Older), snapshot.GetProperty("file").GetString());
        var fallback = snapshot.GetProperty("fallback");
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), fallback.GetProperty("wanted").GetString());
        Assert.Contains("truncated", fallback.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await AllAnswer(client, await AnIndicator(client));

        var zh = await client.GetStringAsync("/data");
        Assert.Contains("id=\"snapshot-fallback\"", zh, StringComparison.Ordinal);
        Assert.Contains("当前发布的快照已损坏", zh, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(factory.SnapshotPath), zh, StringComparison.Ordinal);
        var en = await client.GetStringAsync("/data?lang=en");
        Assert.Contains("The current snapshot is damaged", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_dashboard_moves_to_the_older_snapshot_when_the_current_one_is_truncated_and_never_answers_500()
    {
        using var factory = new FallbackFactory();
        using var client = factory.As(Roles.Viewer);
        var before = await Snapshot(client);
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), before.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("fallback").ValueKind);
        var indicator = await AnIndicator(client);

        Truncate(factory.SnapshotPath);
        await AllAnswer(client, indicator);
        var after = await WaitForFallback(client);
        await AllAnswer(client, indicator);

        Assert.Equal(Path.GetFileName(factory.Older), after.GetProperty("file").GetString());
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), after.GetProperty("fallback").GetProperty("wanted").GetString());
        Assert.Contains("id=\"snapshot-fallback\"", await client.GetStringAsync("/data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_read_of_a_truncated_snapshot_moves_the_request_to_the_older_one()
    {
        // The watcher looks only once an hour here: the failed read itself must move the dashboard.
        using var factory = new FallbackFactory { Settings = new Dictionary<string, string> { ["Analytics:RefreshSeconds"] = "3600" } };
        using var client = factory.As(Roles.Viewer);
        Assert.Equal(Path.GetFileName(factory.SnapshotPath), (await Snapshot(client)).GetProperty("file").GetString());
        var source = (Analytics.Dashboard.Snapshots.SnapshotSource)factory.Services.GetService(typeof(Analytics.Dashboard.Snapshots.SnapshotSource))!;
        var served = source.Current!;

        Truncate(factory.SnapshotPath);
        var recovered = source.TryRecover(served, new Analytics.DuckDb.DuckDbException("IO Error: Could not read enough bytes from file", Analytics.DuckDb.Native.DuckDbErrorType.IO), out var next);

        Assert.True(recovered);
        Assert.Equal(factory.Older, next!.Path);
        Assert.Same(next, source.Current);
        Assert.Equal(Path.GetFileName(factory.Older), (await Snapshot(client)).GetProperty("file").GetString());
        await AllAnswer(client, await AnIndicator(client));
    }

    [Fact]
    public async Task A_snapshot_of_the_right_size_whose_sha256_does_not_match_is_caught_by_the_background_hash()
    {
        using var factory = new FallbackFactory();
        var pointer = Path.Combine(factory.Folder, "current.json");
        var record = JsonNode.Parse(File.ReadAllText(pointer))!;
        record["sha256"] = new string('0', 64);
        File.WriteAllText(pointer, record.ToJsonString());
        using var client = factory.As(Roles.Viewer);

        var after = await WaitForFallback(client);

        Assert.Equal(Path.GetFileName(factory.Older), after.GetProperty("file").GetString());
        Assert.Contains("SHA-256", after.GetProperty("fallback").GetProperty("reason").GetString(), StringComparison.Ordinal);
        await AllAnswer(client, await AnIndicator(client));
        for (var i = 0; i < 300 && !(await Snapshot(client)).GetProperty("verified").GetBoolean(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True((await Snapshot(client)).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task With_no_intact_snapshot_left_the_api_answers_503_with_the_reason()
    {
        using var factory = new FallbackFactory();
        Truncate(factory.SnapshotPath);
        Truncate(factory.Older);
        using var client = factory.As(Roles.Viewer);

        var response = await client.GetAsync("/api/data/quarantine");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("no intact older snapshot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Replicas.Tests.Support;
using Xunit.Abstractions;

namespace Analytics.Replicas.Tests;

/// <summary>
/// Three dashboard processes behind Debian's nginx with the committed configuration, sharing one snapshots folder,
/// accounts database, data-protection keys and audit logs (docs/deployment.md).
/// </summary>
public sealed class ReplicasTests(ReplicaSetFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaSetFixture>
{
    private ReplicaSet Set => fixture.Set;

    [Fact]
    public async Task Under_load_three_publishes_and_a_killed_and_restarted_replica_fail_no_request()
    {
        var paths = await Set.SeriesPathsAsync();
        var published = new List<string>();
        var events = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Note(string what) => events.Add($"{clock.Elapsed.TotalSeconds:F1}s {what}");

        var chaos = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            published.Add(Set.Publish());
            Note("published 1");
            await Set.Replicas[1].KillAsync();
            Note("replica 2 killed (kill -9)");
            published.Add(Set.Publish());
            Note("published 2");
            await Set.Replicas[1].StartAsync();
            Note("replica 2 restarted and ready");
            published.Add(Set.Publish());
            Note("published 3");
        });

        // wrk in 10-second rounds for at least 30 s and until every publish and the restart are done (on two busy
        // cores they can take longer than 30 s): the load covers all of them.
        var rounds = new List<WrkResult>();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) || !chaos.IsCompleted)
        {
            rounds.Add(await Wrk.RunAsync(Set.Nginx.Url, paths, Set.Token(Roles.Viewer), connections: 16, TimeSpan.FromSeconds(10), Set.Root));
            Note($"wrk round {rounds.Count}: {rounds[^1].Requests} requests, {rounds[^1].Errors} errors, p99 {rounds[^1].P99Ms:F0} ms");
            Assert.True(rounds.Count < 30, "the publishes and the restart did not end within 5 minutes:\n" + string.Join('\n', events));
        }

        await chaos;
        output.WriteLine(string.Join('\n', events));
        var failed = rounds.Where(r => r.Errors > 0).ToList();
        Assert.True(failed.Count == 0, $"errors through nginx:\n{string.Join('\n', failed.Select(r => r.Output))}\n{string.Join('\n', events)}\n{Set.Logs()}");
        Assert.True(rounds.Sum(r => r.Requests) > 100, rounds[0].Output);
        Assert.Equal(3, published.Count);

        // Every replica, the restarted one too, ends on the last snapshot published.
        var last = Path.GetFileName(published[^1]);
        foreach (var replica in Set.Replicas)
        {
            Assert.Equal(last, await ServedAsync(replica, last));
        }
    }

    [Fact]
    public async Task A_sign_in_made_on_one_replica_is_valid_on_the_others()
    {
        var cookies = new Cookies();
        using var first = Set.Client(Set.Replicas[0].Url);
        using var second = Set.Client(Set.Replicas[1].Url);
        using var third = Set.Client(Set.Replicas[2].Url);

        // The login form from the first replica, posted to the second: its antiforgery token crosses replicas too.
        using var form = await first.SendAsync(cookies.Request(HttpMethod.Get, "/account/login"));
        cookies.Take(form);
        var token = Cookies.FormToken(await form.Content.ReadAsStringAsync());
        using var login = await second.SendAsync(cookies.Request(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = Roles.Analyst, ["password"] = ReplicaAccounts.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        })));
        cookies.Take(login);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(cookies.Has("analytics.signin"), "the second replica signed the analyst in");

        // The third replica reads the cookie: the page and the API, and the analyst's console.
        foreach (var path in new[] { "/", "/api/indicators", "/sql" })
        {
            using var page = await third.SendAsync(cookies.Request(HttpMethod.Get, path));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} on the third replica: {(int)page.StatusCode} {page.Headers.Location}");
        }

        // And every replica wrote its part to the one access log.
        var lines = (await File.ReadAllLinesAsync(Set.AccessLog)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "login" && l.GetProperty("who").GetString() == Roles.Analyst);
    }

    [Fact]
    public async Task A_replica_told_to_stop_finishes_the_request_in_flight_then_exits_cleanly()
    {
        var replica = Set.Replicas[2];
        var cookies = new Cookies();
        using var client = Set.Client(replica.Url, Roles.Analyst);
        using var page = await client.SendAsync(cookies.Request(HttpMethod.Get, "/sql"));
        cookies.Take(page);
        var token = Cookies.FormToken(await page.Content.ReadAsStringAsync());
        var marker = "graceful-" + Guid.NewGuid().ToString("N")[..8];
        var sql = $"SELECT '{marker}' AS marker, sum(hash(i)) AS h FROM range(150000000) t(i)";

        var download = client.SendAsync(cookies.Request(HttpMethod.Post, "/sql/csv", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sql"] = sql, ["__RequestVerificationToken"] = token,
        })));

        // Stopped once the query is running (its start line is in the shared SQL audit log).
        var audit = Path.Combine(Set.Root, "logs", "sql-audit.jsonl");
        for (var i = 0; i < 200 && !(File.Exists(audit) && (await File.ReadAllTextAsync(audit)).Contains(marker, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(download.IsCompleted, "the query finished before the replica was told to stop: make it longer");
        replica.Terminate();

        using var response = await download;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}\n{replica.Tail()}");
        Assert.Contains(marker, body, StringComparison.Ordinal);
        var process = replica.Process!;
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(45)))
        {
            await process.WaitForExitAsync(exited.Token);
        }

        Assert.Equal(0, process.ExitCode);
        await replica.StartAsync();
    }

    /// <summary>The snapshot <paramref name="replica"/> serves once it is <paramref name="expected"/> (waiting up to 20 s for its watcher), or the last it reported.</summary>
    private static async Task<string?> ServedAsync(DashboardReplica replica, string expected)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string? served = null;
        for (var i = 0; i < 80; i++)
        {
            using var ready = JsonDocument.Parse(await client.GetStringAsync(replica.Url + "/health/ready"));
            served = ready.RootElement.GetProperty("snapshot").GetString();
            if (served == expected)
            {
                break;
            }

            await Task.Delay(250);
        }

        return served;
    }
}

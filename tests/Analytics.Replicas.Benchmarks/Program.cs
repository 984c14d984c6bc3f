// Issue 17's benchmark: does a publish or a lost replica cost the readers anything?
//
//   dotnet run -c Release --project tests/Analytics.Replicas.Benchmarks [-- --seconds 30 --connections 32 --publishes 5 --one-dashboard]
//
// wrk (Debian's, with tests/Analytics.Dashboard.Benchmarks/series.lua: every request takes the next path, a viewer's
// API token on each) at 32 connections on two targets, the series endpoint (every indicator, city and districts) and
// the indicator pages (every top-level indicator, city and each district, in Chinese, compressed as a browser asks):
//   1. one dashboard, at rest;
//   2. the same dashboard while 5 snapshots are built and published by `analytics build` over the product lake, one
//      after another, each under `nice -n 10` as deploy/systemd/analytics-refresh.service runs it; the run lasts until
//      the fifth is published (wrk stopped by SIGINT prints its figures);
//   3. (unless --one-dashboard) Debian's nginx with deploy/nginx/analytics.conf in front of 3 replicas, one killed (kill -9) a third of the way
//      in and restarted (waiting for /health/ready) two thirds of the way in.
// Prints rps, p50, p99 and errors per run, and p99 during publishes against p99 at rest (the goal: ≤ 1.5×).
// The snapshot is the tests' product-made one (ProductSnapshot: the demo at scale 0.01, built first, ~1 min); the
// mart the dashboard serves has the same ~117,000 rows at any scale, so its cost per request is the demo's.
// Each run starts warm (a short wrk over the same paths first). Needs nginx and wrk: bash scripts/setup-machine.sh.
using System.Diagnostics;
using System.Globalization;
using Analytics.Accounts;
using Analytics.Replicas.Tests.Support;
using Analytics.TestSupport;

var seconds = 30;
var connections = 32;
var publishes = 5;
var replicas = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--publishes": publishes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--one-dashboard": replicas = false; break;
        case "--help" or "-h":
            Console.WriteLine("usage: dotnet run -c Release --project tests/Analytics.Replicas.Benchmarks [-- --seconds 30 --connections 32 --publishes 5 --one-dashboard]");
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown option '{args[i]}' (--help lists them)");
            return 2;
    }
}

if (!File.Exists(Nginx.Binary) || !File.Exists(Wrk.Binary))
{
    Console.Error.WriteLine($"error: this benchmark needs Debian's nginx ({Nginx.Binary}) and wrk ({Wrk.Binary}): run bash scripts/setup-machine.sh");
    return 2;
}

if (!File.Exists(Repository.DashboardDll))
{
    Console.Error.WriteLine($"error: the dashboard is not built ({Repository.DashboardDll}): dotnet build Analytics.sln -c Release");
    return 2;
}

const string Browser = "gzip, deflate, br, zstd";
var duration = TimeSpan.FromSeconds(seconds);
var results = new List<(string Scenario, string Target, WrkResult Result, string Events)>();
Console.WriteLine($"wrk {connections} connections, {seconds} s per run, on {Environment.ProcessorCount} cores");
var clock = Stopwatch.StartNew();
_ = ProductSnapshot.Info;
Console.WriteLine($"product snapshot ready in {clock.Elapsed.TotalSeconds:F0} s: {ProductSnapshot.SnapshotPath}");

await using (var one = await ReplicaSet.StartAsync(1))
{
    var url = one.Replicas[0].Url;
    var token = one.Token(Roles.Viewer);
    var targets = new[] { ("series", await one.SeriesPathsAsync(), (string?)null), ("indicator pages", await one.IndicatorPagesAsync(), Browser) };
    foreach (var (target, paths, encoding) in targets)
    {
        await Wrk.RunAsync(url, paths, token, connections, TimeSpan.FromSeconds(5), one.Root, encoding);
        results.Add(("one dashboard, at rest", target, await Wrk.RunAsync(url, paths, token, connections, duration, one.Root, encoding), ""));
        Report(results[^1]);

        // Builds one after another from the start; the run ends when the last is published (at most 20 minutes).
        var events = new List<string>();
        var run = Stopwatch.StartNew();
        var publishing = Task.Run(async () =>
        {
            for (var p = 0; p < publishes; p++)
            {
                var took = await BuildAndPublish(one.Snapshots);
                events.Add($"publish {p + 1} at {run.Elapsed.TotalSeconds:F1} s ({took.TotalSeconds:F1} s)");
            }
        });
        var during = await Wrk.RunAsync(url, paths, token, connections, TimeSpan.FromMinutes(20), one.Root, encoding, until: publishing);
        await publishing;
        events.Add($"run ended at {run.Elapsed.TotalSeconds:F1} s");
        results.Add(($"one dashboard, {publishes} publishes", target, during, string.Join("; ", events)));
        Report(results[^1]);
    }
}

if (replicas)
{
    await using var three = await ReplicaSet.StartAsync(3);
    var url = three.Nginx.Url;
    var token = three.Token(Roles.Viewer);
    var targets = new[] { ("series", await three.SeriesPathsAsync(), (string?)null), ("indicator pages", await three.IndicatorPagesAsync(), Browser) };
    foreach (var (target, paths, encoding) in targets)
    {
        await Wrk.RunAsync(url, paths, token, connections, TimeSpan.FromSeconds(5), three.Root, encoding);
        var events = new List<string>();
        var run = Stopwatch.StartNew();
        var victim = three.Replicas[1];
        var chaos = Task.Run(async () =>
        {
            await Task.Delay(duration / 3);
            await victim.KillAsync();
            events.Add($"replica 2 killed at {run.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(Max(TimeSpan.Zero, duration * 2 / 3 - run.Elapsed));
            await victim.StartAsync();
            events.Add($"restarted and ready at {run.Elapsed.TotalSeconds:F1} s");
        });
        var result = await Wrk.RunAsync(url, paths, token, connections, duration, three.Root, encoding);
        await chaos;
        results.Add(("nginx, 3 replicas, one killed", target, result, string.Join("; ", events)));
        Report(results[^1]);
    }
}

Console.WriteLine();
Console.WriteLine($"| run | target | rps | p50 ms | p99 ms | errors |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
foreach (var (scenario, target, r, _) in results)
{
    Console.WriteLine(FormattableString.Invariant($"| {scenario} | {target} | {r.Rps:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} |"));
}

Console.WriteLine();
foreach (var target in results.Select(r => r.Target).Distinct())
{
    var rest = results.First(r => r.Target == target && r.Scenario.EndsWith("at rest", StringComparison.Ordinal)).Result;
    var during = results.First(r => r.Target == target && r.Scenario.Contains("publishes", StringComparison.Ordinal)).Result;
    Console.WriteLine(FormattableString.Invariant($"{target}: p99 during publishes / at rest = {during.P99Ms / rest.P99Ms:F2} (goal <= 1.5)"));
}

return 0;

static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

// A real build over the product lake, published into the dashboard's folder, niced as the refresh unit runs it.
static async Task<TimeSpan> BuildAndPublish(string snapshots)
{
    var cli = Repository.File("etl/Analytics.Cli/bin/" + Repository.Configuration + "/net10.0/analytics");
    var start = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { "-n", "10", cli, "build", "--lake", ProductSnapshot.LakeFolder, "--snapshots", snapshots, "--keep", "3", "--memory-limit", "1GB" })
    {
        start.ArgumentList.Add(a);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"analytics build exited {process.ExitCode}:\n{await output}\n{await error}");
    }

    return clock.Elapsed;
}

static void Report((string Scenario, string Target, WrkResult Result, string Events) row)
{
    var r = row.Result;
    Console.WriteLine(FormattableString.Invariant($"{row.Scenario,-32} {row.Target,-16} rps {r.Rps,8:F0}  p50 {r.P50Ms,7:F2} ms  p99 {r.P99Ms,8:F2} ms  errors {r.Errors}  {row.Events}"));
}

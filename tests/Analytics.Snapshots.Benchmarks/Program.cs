// SQL console benchmark: prints figures, asserts nothing.
//   bash tests/Analytics.Snapshots.Benchmarks/run.sh [snapshot file or folder] [seconds of hostile load]
//   dotnet run -c Release --project tests/Analytics.Snapshots.Benchmarks -- --snapshot <file or folder> [--runs 300]
//       [--dashboard <Analytics.Dashboard.dll> --content-root <dashboard project folder>] [--seconds 20]
// 1. Round trip of a small console query, in the server's own process as before the worker pool (a locked-down
//    connection per query) against the worker pool (fresh instance per query, opened ahead), one query every 50 ms as
//    an analyst at a console sends them, and back to back.
// 2. With --dashboard: starts the real dashboard on loopback and measures /api/ping at rest and while 4 hostile
//    console queries run at once, over and over (a query that never ends, a 1 GB string, a spilling sort, 500 rows
//    of 1 MB), through the page's own form post.
// 3. With --dashboard and --formats (only this part): the console's CSV, JSON and Arrow downloads of the whole mart and
//    a 10-million-row query, under the console's caps and with them lifted (DownloadFormats.cs).
//       bash tests/Analytics.Snapshots.Benchmarks/formats.sh [snapshot file or folder] [repeats]
using System.Diagnostics;
using System.Globalization;


using Analytics.Snapshots;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;

const string Small = "SELECT indicator_id, year, value FROM mart_indicator WHERE district_code = 'ALL' LIMIT 20";
var snapshot = SnapshotResolver.Resolve(Arg("--snapshot") ?? "data/demo/snapshots");
var runs = int.Parse(Arg("--runs") ?? "300", CultureInfo.InvariantCulture);
if (args.Contains("--formats"))
{
    Console.WriteLine($"Download formats benchmark: {Environment.ProcessorCount} cores, snapshot {Path.GetFileName(snapshot)}.");
    await DownloadFormats.RunAsync(
        Arg("--dashboard") ?? throw new ArgumentException("--formats needs --dashboard"), Arg("--content-root")!, snapshot, int.Parse(Arg("--repeats") ?? "3", CultureInfo.InvariantCulture));
    return;
}

Console.WriteLine($"SQL console benchmark: {Environment.ProcessorCount} cores, snapshot {Path.GetFileName(snapshot)}, {runs} runs each.");

Console.WriteLine();
Console.WriteLine("1. Round trip of a small query (ms)         p50      p99      max");
var inProcess = Time(runs, TimeSpan.FromMilliseconds(50), () => Task.FromResult(InProcessConsole.Run(snapshot, Small)));
Print("in-process, paced 50 ms", inProcess);
using (var pool = new SqlWorkerPool(new SqlWorkerPoolOptions(), snapshot: snapshot))
{
    Task<int> Pooled() => pool.RunAsync(new SqlRunRequest(snapshot, Small, ResultFormat.Table, new ResultCaps(1000, 4 << 20), TimeSpan.FromSeconds(5)))
        .ContinueWith(t => t.Result.Problem is null ? t.Result.Table!.Rows.Count : throw new InvalidOperationException(t.Result.Problem.Message(false)), TaskScheduler.Default);
    Time(50, TimeSpan.FromMilliseconds(50), Pooled); // warm-up: workers started, JIT done
    var pooled = Time(runs, TimeSpan.FromMilliseconds(50), Pooled);
    Print("worker pool, paced 50 ms", pooled);
    Console.WriteLine($"   the pool adds at p99: {Percentile(pooled, 0.99) - Percentile(inProcess, 0.99),8:F2} ms (p50 {Percentile(pooled, 0.5) - Percentile(inProcess, 0.5):F2} ms)");
    Print("in-process, back to back", Time(runs, TimeSpan.Zero, () => Task.FromResult(InProcessConsole.Run(snapshot, Small))));
    Print("worker pool, back to back", Time(runs, TimeSpan.Zero, Pooled));
}

if (Arg("--dashboard") is { } dashboard)
{
    await PingUnderHostileLoad(dashboard, Arg("--content-root") ?? Path.GetDirectoryName(dashboard)!, snapshot, int.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture));
}

static async Task PingUnderHostileLoad(string dashboard, string contentRoot, string snapshot, int seconds)
{
    await using var app = await DashboardProcess.StartAsync(dashboard, contentRoot, snapshot);
    var client = app.Client;
    await Pings(client, TimeSpan.FromSeconds(3)); // warm-up
    var rest = await Pings(client, TimeSpan.FromSeconds(seconds / 2.0));

    string[] hostile =
    [
        "SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3",
        "SELECT repeat('x', 1000000000) AS s",
        "SELECT s FROM (SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) || md5((range + 2)::VARCHAR) AS s FROM range(20000000)) ORDER BY s OFFSET 19999999",
        "SELECT range, repeat('y', 1000000) AS s FROM range(500)",
    ];
    using var stop = new CancellationTokenSource();
    var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
    var load = hostile.Select(sql => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            using var form = app.Form(sql, page: true);
            var response = await client.PostAsync("/sql?lang=en", form);
            var html = await response.Content.ReadAsStringAsync();
            outcomes.Add($"{(int)response.StatusCode} {(html.Contains("sql-error", StringComparison.Ordinal) ? "problem" : "rows")}");
        }
    })).ToArray();
    await Task.Delay(1000);
    var underLoad = await Pings(client, TimeSpan.FromSeconds(seconds));
    await stop.CancelAsync();
    await Task.WhenAll(load);

    Console.WriteLine();
    Console.WriteLine("2. GET /api/ping on the real dashboard (ms)  p50      p99      max   requests");
    Print("at rest", rest, rest.Count);
    Print("4 hostile console queries at once", underLoad, underLoad.Count);
    Console.WriteLine($"   hostile queries answered: {outcomes.Count} ({string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()}× {g.Key}"))})");
}

static async Task<List<double>> Pings(HttpClient client, TimeSpan duration)
{
    var times = new List<double>();
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < duration)
    {
        var one = Stopwatch.StartNew();
        (await client.GetAsync("/api/ping")).EnsureSuccessStatusCode();
        times.Add(one.Elapsed.TotalMilliseconds);
        await Task.Delay(5);
    }

    return times;
}

static List<double> Time(int runs, TimeSpan pause, Func<Task<int>> query)
{
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        if (pause > TimeSpan.Zero)
        {
            Thread.Sleep(pause);
        }

        var clock = Stopwatch.StartNew();
        if (query().GetAwaiter().GetResult() == 0)
        {
            throw new InvalidOperationException("the query returned no rows");
        }

        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    return times;
}

static void Print(string what, List<double> times, int? count = null) =>
    Console.WriteLine($"   {what,-38} {Percentile(times, 0.5),8:F2} {Percentile(times, 0.99),8:F2} {times.Max(),8:F2}{(count is { } n ? $" {n,10:N0}" : "")}");

static double Percentile(List<double> times, double p)
{
    var sorted = times.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

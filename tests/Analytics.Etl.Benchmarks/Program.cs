// Province-scale load benchmark (issue 3): prints figures, asserts nothing.
//
//   dotnet run -c Release --project tests/Analytics.Etl.Benchmarks -- [--scale K] [--reuse DIR] [--work DIR]
//                                                                    [--feeds registry,patents,rd_spend,survey]
//                                                                    [--memory-limit 3GB] [--parallel 1,2] [--repeat 3]
//
// Generates (or reuses) DemoOptions.ProvinceScale = K extracts, then for each feed: loads its files with the lake
// loader and the analytics command's reader in a child process (rows/s, seconds, peak VmHWM), and runs DuckDB's own
// COPY … TO parquet over the same rows in another child as the ceiling; prints ours ÷ ceiling (issue 18's goals: ≥ 35%
// for CSV/JSON feeds, ≥ 20% for the survey) and peak memory (goal < 4 GB), for each --parallel setting (validating
// threads per file; 1 is the sequential read). --help lists every option.
using System.Globalization;
using Analytics.DemoData;
using Analytics.Etl.Benchmarks;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

if (options.ChildFeed is { } childFeed)
{
    var input = options.ChildInput ?? throw new ArgumentException("--input is required in child mode.");
    var output = options.ChildOutput ?? throw new ArgumentException("--output is required in child mode.");
    var measurement = options.ChildIsCeiling
        ? CeilingRun.Run(childFeed, input.Split(Path.PathSeparator), output, options.MemoryLimit)
        : LoadRun.Run(childFeed, input, output, options.MemoryLimit, options.ChildParallel);
    Console.WriteLine(measurement.ToLine());
    return 0;
}

Console.WriteLine(
    $"Load benchmark, province scale {options.Scale.ToString(CultureInfo.InvariantCulture)}: {Environment.ProcessorCount} cores, " +
    $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 30} GB, load average {LoadAverage()}, DuckDB memory limit {options.MemoryLimit}.");
var (extracts, manifest) = ExtractSet.Obtain(options);
var work = options.WorkDirectory;
var results = new List<FeedResult>();
foreach (var feed in options.Feeds)
{
    var generatedRows = manifest.Files.Where(f => f.Feed == feed).Sum(f => f.Rows);
    var lake = Path.Combine(work, "lake-" + feed);
    var prepared = Path.Combine(work, "ceiling-input-" + feed);
    var (files, note) = CeilingInputs.Prepare(feed, extracts, manifest, prepared);
    var parquet = Path.Combine(work, "ceiling-" + feed);
    for (var run = 1; run <= options.Repeat; run++)
    {
        // Interleaved (each setting, then the ceiling, run after run) so a busy spell of the machine hits all alike.
        var loads = new List<(int Threads, Measurement Load)>();
        foreach (var threads in options.Parallel)
        {
            Console.Write($"{feed}: loading {generatedRows:N0} rows, {threads} thread(s) per file, run {run} … ");
            var load = ChildProcess.Run(["--load-feed", feed, "--input", extracts, "--output", lake, "--memory-limit", options.MemoryLimit,
                "--threads", threads.ToString(CultureInfo.InvariantCulture)]);
            Console.WriteLine($"{load.Seconds:F1} s (Parquet {load.WriteSeconds:F1} s; {load.CpuSeconds:F1} s CPU), {load.RowsRead / load.Seconds:N0} rows/s, peak {ResultTable.Size(load.PeakBytes)}.");
            if (load.WriteParts is { Count: > 0 } parts)
            {
                Console.WriteLine("    Parquet phase: " + string.Join("; ", parts.Where(p => p.Seconds >= 0.05).Select(p => FormattableString.Invariant($"{p.Phase} {p.Seconds:F1} s"))));
            }
            Delete(lake);
            loads.Add((threads, load));
        }

        Console.Write($"{feed}: DuckDB ceiling ({note}), run {run} … ");
        var ceiling = ChildProcess.Run(
            ["--ceiling-feed", feed, "--input", string.Join(Path.PathSeparator, files), "--output", parquet, "--memory-limit", options.MemoryLimit]);
        Console.WriteLine($"{ceiling.Seconds:F1} s ({ceiling.CpuSeconds:F1} s CPU), {ceiling.RowsRead / ceiling.Seconds:N0} rows/s.");
        Delete(parquet);
        results.AddRange(loads.Select(l => new FeedResult(feed, generatedRows, l.Threads, run, l.Load, ceiling, note)));
    }

    Delete(prepared);
}

ResultTable.Print(results);
Console.WriteLine($"Load average at the end: {LoadAverage()}. Extracts kept in {extracts} (--reuse {extracts}).");
return 0;

static void Delete(string folder)
{
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

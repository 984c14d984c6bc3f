using System.Diagnostics;
using System.Security.Cryptography;
using Analytics.DemoData;
using Analytics.Lake;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Child mode: loads one feed's files into an empty lake exactly as <c>analytics load</c> does — a
/// <see cref="LakeLoader"/> over <see cref="LakeLayout"/> with the command's own reader (EtlFileReader.Read) —
/// and reports the load's wall time, its row counts and the process's peak memory.
/// </summary>
internal static class LoadRun
{
    public static Measurement Run(string feed, string extracts, string lake, string memoryLimit, int parallelism)
    {
        var manifest = DemoManifest.FromJson(File.ReadAllText(Path.Combine(extracts, DemoManifest.FileName)));
        var kind = FeedNames.KindOf(feed);

        // Landing computes each file's sha256 when it pulls it, so hashing is not part of the load.
        var inputs = manifest.Files.Where(f => f.Feed == feed)
            .Select(f => Path.Combine(extracts, f.Path))
            .Select(path => new LoadInput(kind, path, Sha256Of(path), Path.GetFileName(path)))
            .ToList();
        if (Directory.Exists(lake))
        {
            Directory.Delete(lake, recursive: true);
        }

        var loader = new LakeLoader(new LakeLayout(lake), EtlFileReader.WithParallelism(parallelism), new LakeLoadOptions { MemoryLimit = memoryLimit, Parallelism = parallelism });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        double? read = null;
        var tail = new List<(string Phase, double Start)>();
        var batch = loader.Load(inputs, new Phases(p =>
        {
            read ??= p.WritingParquet ? stopwatch.Elapsed.TotalSeconds : null;
            if (p.Phase is { } phase)
            {
                tail.Add((phase, stopwatch.Elapsed.TotalSeconds));
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (batch.Status != "published")
        {
            throw new InvalidOperationException($"The {feed} load ended '{batch.Status}': {batch.Error}");
        }

        return new Measurement(
            feed, seconds, batch.Files.Sum(f => f.RowsRead), batch.Files.Sum(f => f.RowsLoaded), batch.Files.Sum(f => f.RowsQuarantined), PeakMemory.Bytes(), cpuSeconds,
            seconds - (read ?? seconds),
            tail.Select((t, i) => new PhaseTime(t.Phase, (i + 1 < tail.Count ? tail[i + 1].Start : seconds) - t.Start)).ToList());
    }

    /// <summary>Reports on the loading thread (Progress&lt;T&gt; would post to the pool, late).</summary>
    private sealed class Phases(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

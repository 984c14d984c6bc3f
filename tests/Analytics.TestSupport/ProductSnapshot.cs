using System.Diagnostics;
using Analytics.Catalog;
using Analytics.DemoData;
using Analytics.Etl.Sources;
using Analytics.Lake;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;

namespace Analytics.TestSupport;

/// <summary>
/// A real warehouse snapshot, made once per test process by the product's own pipeline — the demo generator at a
/// small <see cref="Scale"/>, the pull into a landing area, the lake load and the warehouse build and publish, exactly
/// as <c>analytics demo</c> runs them — so a test that needs "a snapshot" reads the schema and the data the product
/// really writes, not a hand-written copy of it that drifts.
/// </summary>
/// <remarks>
/// Built lazily by the first test that asks (thread-safe; the others wait), into a temporary folder deleted when the
/// process exits (or, if the test host is stopped first, by the next test run). The snapshot file is made read-only on disk (a guard against mistakes, not a lock: root ignores it):
/// many tests read it at once, and one that changes it would change it for all. A test that needs to change or publish a snapshot copies it first
/// (<see cref="SnapshotFactory"/>). A build failure fails every test that asks, with the product's own error.
/// </remarks>
public static class ProductSnapshot
{
    /// <summary>
    /// The demo's size: 1 is tens of thousands of enterprises. At 0.01 every indicator of both plans has non-zero
    /// city values and values in several districts (a few hundred enterprises per plan); at 0.005 some have one
    /// district or one year. Generating, pulling and loading take a few seconds; the build dominates and hardly
    /// depends on the scale (the indicator grid is ~117,000 mart rows at any scale): 5–15 s on 2 cores, by load.
    /// </summary>
    public const double Scale = 0.01;

    /// <summary>The generator's seed: the same seed gives the same snapshot (the demo's default).</summary>
    public const int Seed = DemoOptions.DefaultSeed;

    private static readonly Lazy<Built> Product = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The published snapshot file (<c>snapshots/warehouse-….duckdb</c>); open it read-only.</summary>
    public static string SnapshotPath => Product.Value.Info.Path;

    /// <summary>The data folder, laid out as <c>analytics demo --data</c> lays it out: <c>extracts/</c>, <c>landing/</c>, <c>lake/</c>, <c>snapshots/</c>.</summary>
    public static string DataFolder => Product.Value.Root;

    /// <summary>The snapshot folder (its <c>current.json</c> names <see cref="SnapshotPath"/>).</summary>
    public static string SnapshotsFolder => Path.Combine(DataFolder, "snapshots");

    /// <summary>The Parquet lake the snapshot was built from.</summary>
    public static string LakeFolder => Path.Combine(DataFolder, "lake");

    /// <summary>What the build published: tables and their rows, lineage, data tests.</summary>
    public static SnapshotInfo Info => Product.Value.Info;

    /// <summary>How long each step took (generate, pull, load, build), for a test that prints it.</summary>
    public static IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings => Product.Value.Timings;

    private const string FolderPrefix = "analytics-product-snapshot-";

    private static Built Build()
    {
        DeleteLeftovers();
        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
        var extracts = Path.Combine(root, "extracts");
        var landing = Path.Combine(root, "landing");
        var lake = Path.Combine(root, "lake");
        var snapshots = Path.Combine(root, "snapshots");
        var timings = new List<(string, TimeSpan)>();

        var clock = Stopwatch.StartNew();
        DemoGenerator.Generate(new DemoOptions { OutputDirectory = extracts, Seed = Seed, Scale = Scale });
        timings.Add(("generate", clock.Elapsed));

        clock.Restart();
        var config = SourcesConfigReader.Load(
            Path.Combine(AppContext.BaseDirectory, "config", "sources.demo.json"), new Dictionary<string, string> { ["ANALYTICS_DATA"] = extracts });
        using (var puller = new SourcePuller(new LandingArea(landing)))
        {
            var pull = puller.PullAsync(config).GetAwaiter().GetResult();
            if (!pull.Succeeded)
            {
                var failed = pull.Sources.Where(s => !s.Succeeded).Select(s => $"{s.Source.Name}: {s.Error}");
                throw new InvalidOperationException("The product snapshot's demo extracts could not be pulled: " + string.Join("; ", failed));
            }
        }

        timings.Add(("pull", clock.Elapsed));

        clock.Restart();
        // Small resources: other test processes run beside this one.
        var loader = new LakeLoader(new LakeLayout(lake), EtlFileReader.Read, new LakeLoadOptions { MemoryLimit = "512MB", Threads = 2 });
        var manifest = loader.Load(LandedInputs.Read(new LandingArea(landing)));
        if (manifest.Status != "published")
        {
            throw new InvalidOperationException($"The product snapshot's lake load ended '{manifest.Status}', not published.");
        }

        timings.Add(("load", clock.Elapsed));

        clock.Restart();
        var inputs = new BuildInputs(lake, TargetRevisionLog.ForSnapshots(snapshots).Path);
        var store = new SnapshotStore(snapshots, new SnapshotStoreOptions { MemoryLimit = "1GB", Threads = 2 });
        var info = store.Publish(connection => WarehouseBuilder.Build(connection, inputs));
        timings.Add(("build", clock.Elapsed));

        File.SetAttributes(info.Path, FileAttributes.ReadOnly);
        return new Built(root, info, timings);
    }

    /// <summary>
    /// Deletes the folders of test processes that have ended: the test host is sometimes stopped before its exit
    /// handlers run, which leaves its folder behind.
    /// </summary>
    private static void DeleteLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                Delete(folder);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record Built(string Root, SnapshotInfo Info, IReadOnlyList<(string, TimeSpan)> Timings);
}

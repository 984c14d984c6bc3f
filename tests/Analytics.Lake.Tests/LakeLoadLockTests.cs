using Analytics.Etl.Contracts;
using Analytics.Lake.Tests.Support;

namespace Analytics.Lake.Tests;

/// <summary>Overlapping loads of one lake: one at a time, no file in two batches, one record per attempt, dead attempts found.</summary>
public sealed class LakeLoadLockTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    private LoadInput Registry(string name, params int[] serials) => LakeFolder.Input(FeedKind.Registry, folder.WriteText(name,
        Extracts.Registry(serials.Select(s => Extracts.RegistryRow(Extracts.Credit(s))).ToArray()), LakeFolder.Gbk));

    /// <summary>A reader that signals when the load has reached its first file and holds it there until released.</summary>
    private static FeedFileReader Held(ManualResetEventSlim reached, ManualResetEventSlim release) => (input, sink, token) =>
    {
        reached.Set();
        Assert.True(release.Wait(Bound, token), "the test never released the held load");
        return EtlFileReader.Read(input, sink, token);
    };

    /// <summary>Every (batch, sha256) the published manifests list.</summary>
    private List<(string Batch, string Sha256)> FilesByBatch() => folder.Layout.PublishedBatches()
        .SelectMany(b => BatchManifest.Read(Path.Combine(b, "manifest.json")).Files.Select(f => (Path.GetFileName(b), f.Sha256)))
        .ToList();

    [Fact]
    public async Task A_load_started_while_another_runs_and_a_pull_added_a_file_waits_and_holds_only_the_new_file()
    {
        var first = new[] { Registry("registry_2015-12-31.csv", 1, 2), Registry("registry_2016-12-31.csv", 3) };
        using var reached = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = Task.Run(() => folder.Loader(Held(reached, release)).Load(first));
        Assert.True(reached.Wait(Bound));

        // A pull lands a new file; a second load (a cron job) sees the landing area: the first batch's files and the new one.
        var pulled = Registry("registry_2017-12-31.csv", 4);
        var second = Task.Run(() => new LakeLoader(folder.Layout, EtlFileReader.Read, LakeFolder.Options with { LockWait = Bound }).Load([.. first, pulled]));
        await Task.Delay(500);
        Assert.False(second.IsCompleted, "the second load ran while the first held the lake");

        release.Set();
        var a = await running;
        var b = await second;

        Assert.Equal(LoadStatus.Published, a.Status);
        Assert.Equal(LoadStatus.Published, b.Status);
        Assert.Equal([pulled.Sha256], b.Files.Select(f => f.Sha256));
        var files = FilesByBatch();
        Assert.Equal(3, files.Count);
        Assert.Equal(files.Count, files.Select(f => f.Sha256).Distinct().Count());
        Assert.Equal(4L, LakeFolder.Query($"SELECT count(*) FROM {LakeFolder.ReadParquet(folder.Layout.FeedGlob(FeedKind.Registry))}").Single()[0]);
        var records = LoadRecords.All(folder.Layout);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(LoadStatus.Published, r.Status));
    }

    [Fact]
    public async Task A_second_load_while_one_runs_is_refused_naming_the_holder_and_does_nothing()
    {
        var inputs = new[] { Registry("registry_2016-12-31.csv", 1, 2) };
        using var reached = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = Task.Run(() => folder.Loader(Held(reached, release)).Load(inputs));
        Assert.True(reached.Wait(Bound));
        var staging = folder.StagingEntries();

        var refused = Assert.Throws<LakeBusyException>(() => folder.Loader().Load(inputs));

        Assert.Contains($"pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("_load.lock", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--wait", refused.Message, StringComparison.Ordinal);
        Assert.Equal(staging, folder.StagingEntries());
        var record = Assert.Single(LoadRecords.All(folder.Layout));
        Assert.Equal(LoadStatus.Running, record.Status);
        Assert.Equal(Environment.ProcessId, record.Pid);

        release.Set();
        Assert.Equal(LoadStatus.Published, (await running.WaitAsync(Bound)).Status);
        Assert.Equal(LoadStatus.Published, Assert.Single(LoadRecords.All(folder.Layout)).Status);
    }

    [Fact]
    public async Task Two_identical_loads_at_once_publish_one_batch_and_record_one_published_and_one_nothing_new()
    {
        var inputs = new[] { Registry("registry_2016-12-31.csv", 1, 2) };
        var waiting = LakeFolder.Options with { LockWait = Bound };
        var loads = Enumerable.Range(0, 2).Select(_ => Task.Run(() => new LakeLoader(folder.Layout, EtlFileReader.Read, waiting).Load(inputs))).ToArray();

        var results = await Task.WhenAll(loads);

        Assert.Equal([LoadStatus.NothingNew, LoadStatus.Published], results.Select(r => r.Status).Order(StringComparer.Ordinal));
        Assert.Single(folder.BatchFolders());
        Assert.Equal([LoadStatus.NothingNew, LoadStatus.Published], LoadRecords.All(folder.Layout).Select(r => r.Status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_next_load_marks_a_dead_attempts_running_record_killed_and_removes_its_staging_folder()
    {
        // What a load killed mid-way leaves (tests/Analytics.Cli.Tests kills a real one): its running record and staging folder.
        var dead = new BatchManifest
        {
            BatchId = "0123456789abcdef", Status = LoadStatus.Running, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5), Attempt = "deadbeef", Pid = 999_999, Host = "elsewhere",
        };
        Directory.CreateDirectory(folder.Layout.LoadsRoot);
        var deadRecord = Path.Combine(folder.Layout.LoadsRoot, "20250101T000000000-deadbeef.json");
        dead.Write(deadRecord);
        var leftover = Path.Combine(folder.Layout.StagingRoot, "0123456789abcdef-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(leftover, "spill"));
        File.WriteAllText(Path.Combine(leftover, "spill", "duckdb_temp_block"), "half");

        var manifest = folder.Loader().Load([Registry("registry_2016-12-31.csv", 1)]);

        Assert.Equal(LoadStatus.Published, manifest.Status);
        Assert.Equal(["20250101T000000000-deadbeef.json"], manifest.KilledAttempts);
        Assert.Equal([Path.GetFileName(leftover)], manifest.StagingRemoved);
        Assert.Empty(folder.StagingEntries());
        var killed = BatchManifest.Read(deadRecord);
        Assert.Equal(LoadStatus.Killed, killed.Status);
        Assert.Contains("pid 999999", killed.Error, StringComparison.Ordinal);
        Assert.Equal(2, LoadRecords.All(folder.Layout).Count);
        Assert.Empty(LoadRecords.Running(folder.Layout));
    }
}

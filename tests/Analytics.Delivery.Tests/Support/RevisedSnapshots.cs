using Analytics.Catalog;
using Analytics.TestSupport;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Delivery.Tests.Support;

/// <summary>
/// Two snapshots published one after the other by the product, as a city would see them: the product snapshot
/// (<see cref="ProductSnapshot"/>, the demo), then the same lake built again after an administrator revised two
/// targets to the demo's small scale — CQ-TECH-SME's city target lowered from 10,000 to 80 (a public count: the city
/// and most districts, whose targets are apportioned from it, move from off track to on track) and CQ-IT-ADOPT's
/// "over 45%" raised to "over 50%" (a confidential survey share with withheld cells: the city and districts fall
/// back). Built once per test process (about 15 s); both files are read-only.
/// </summary>
public static class RevisedSnapshots
{
    private static readonly Lazy<(string Before, string After)> Pair = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The first snapshot (the demo's).</summary>
    public static string Before => Pair.Value.Before;

    /// <summary>The snapshot published after the target revisions.</summary>
    public static string After => Pair.Value.After;

    /// <summary>
    /// Makes <paramref name="folder"/> a snapshot folder whose <c>current.json</c> names <paramref name="file"/> — what a
    /// publish does to the folder the dashboard follows.
    /// </summary>
    public static void Publish(string folder, string file)
    {
        Directory.CreateDirectory(folder);
        var pointer = Path.Combine(folder, "current.json");
        File.WriteAllText(pointer + ".tmp", System.Text.Json.JsonSerializer.Serialize(new { snapshot = file }));
        File.Move(pointer + ".tmp", pointer, overwrite: true);
    }

    private static (string, string) Build()
    {
        var root = Path.Combine(Path.GetTempPath(), $"analytics-revised-snapshots-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(f, FileAttributes.Normal);
                }

                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var snapshots = Path.Combine(root, "snapshots");
        var before = SnapshotFactory.CopyFolder(snapshots);
        var log = TargetRevisionLog.ForSnapshots(snapshots);
        Revise(log, "CQ-TECH-SME", r => r with { Value = 80 });
        Revise(log, "CQ-IT-ADOPT", r => r with { Value = 0.5 });
        var store = new SnapshotStore(snapshots, new SnapshotStoreOptions { MemoryLimit = "1GB", Threads = 2 });
        var after = store.Publish(connection => WarehouseBuilder.Build(connection, new BuildInputs(ProductSnapshot.LakeFolder, log.Path))).Path;
        File.SetAttributes(before, FileAttributes.ReadOnly);
        File.SetAttributes(after, FileAttributes.ReadOnly);
        return (before, after);
    }

    private static void Revise(TargetRevisionLog log, string indicator, Func<TargetRow, TargetRow> change)
    {
        var current = log.AllVersions().Where(v => v.IndicatorId == indicator).MaxBy(v => v.Version)!;
        log.Record(indicator, current.Rows.Select(change).ToList(), "test: a revision", "delivery tests", "to change statuses", current.Version);
    }
}

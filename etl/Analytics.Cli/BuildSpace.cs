using Analytics.Lake;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Cli;

/// <summary>
/// Before a build: is there room for it on the snapshot folder's disk? A build writes a new DuckDB file and its mart
/// exports beside the current ones (and DuckDB may spill there), so it needs about as much again as the previous
/// snapshot took, and, for a first build or a lake that grew, a multiple of the lake's compressed Parquet.
/// </summary>
internal static class BuildSpace
{
    /// <summary>The previous snapshot (its file and exports) times this.</summary>
    public const double PreviousSnapshotFactor = 1.5;

    /// <summary>The lake's bytes (its published batches) times this: a snapshot holds the facts, uncompressed, with indexes and marts.</summary>
    public const double LakeFactor = 4;

    /// <summary>
    /// Plus this, what any snapshot takes however small its lake: DuckDB's blocks per table and the mart exports. The
    /// demo at <c>--scale 0.05</c> has a 1.0 MB lake and a 13.6 MB snapshot with 0.35 MB of exports.
    /// </summary>
    public const long FixedBytes = 32L * 1024 * 1024;

    /// <summary>The space a build of <paramref name="lake"/> into <paramref name="store"/> is expected to need, in bytes.</summary>
    public static long Expected(LakeLayout lake, SnapshotStore store)
    {
        var lakeBytes = lake.PublishedBatches().Sum(SizeOf);
        long previous = 0;
        if (store.Current is { } current)
        {
            previous = (File.Exists(current.Path) ? new FileInfo(current.Path).Length : 0)
                + (current.ExportFolder is { } exports && Directory.Exists(exports) ? SizeOf(exports) : 0);
        }

        return (long)Math.Max(previous * PreviousSnapshotFactor, (lakeBytes * LakeFactor) + FixedBytes);
    }

    /// <summary>Refuses with <see cref="ExitCodes.NoSpace"/> when the snapshot folder's disk has less free space than <see cref="Expected"/>.</summary>
    public static void Check(LakeLayout lake, SnapshotStore store)
    {
        var expected = Expected(lake, store);
        var existing = ExistingAncestor(store.Folder);
        var free = new DriveInfo(existing).AvailableFreeSpace;
        if (free < expected)
        {
            throw new CliFailure(ExitCodes.NoSpace,
                $"not enough free space for the build: the disk holding '{store.Folder}' has {Megabytes(free)} free and the build is expected to need " +
                $"about {Megabytes(expected)} (the larger of {PreviousSnapshotFactor}× the current snapshot with its exports and {LakeFactor}× the lake's Parquet plus {FixedBytes / (1024 * 1024)} MB). " +
                "Nothing was built; the current snapshot stays current. Free space there (fewer snapshots are kept with a lower --keep), or pass --snapshots on a larger disk.");
        }
    }

    private static string ExistingAncestor(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists)
            {
                return dir.FullName;
            }
        }

        return Path.GetPathRoot(folder) ?? folder;
    }

    private static long SizeOf(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):N1} MB";
}

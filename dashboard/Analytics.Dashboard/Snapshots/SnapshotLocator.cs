using Analytics.Snapshots;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// Which configured path the dashboard serves — <c>Analytics:Snapshot</c> (one file) wins over
/// <c>Analytics:Snapshots</c> (a folder) — and the file it means, by the one rule every reader follows
/// (<see cref="SnapshotResolver"/>: a folder means the file its <c>current.json</c> names).
/// </summary>
internal static class SnapshotLocator
{
    /// <summary>The snapshot file to open now, or null with the reason when there is none.</summary>
    public static string? Locate(AnalyticsOptions options, string contentRoot, out string? problem)
    {
        problem = null;
        var (path, setting) = !string.IsNullOrWhiteSpace(options.Snapshot)
            ? (options.Snapshot, "Analytics:Snapshot")
            : (options.Snapshots, "Analytics:Snapshots");
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = "No snapshot is configured: set Analytics:Snapshot to a .duckdb file or Analytics:Snapshots to a snapshot folder.";
            return null;
        }

        if (SnapshotResolver.TryResolve(Path.GetFullPath(path, contentRoot), out var file, out var reason))
        {
            return file;
        }

        problem = $"{reason} ({setting})";
        return null;
    }
}

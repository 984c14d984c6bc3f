using Analytics.Snapshots;

namespace Analytics.Dashboard.Snapshots;

/// <summary>
/// Which configured path the dashboard serves — <c>Analytics:Snapshot</c> (one file) wins over
/// <c>Analytics:Snapshots</c> (a folder) — and the file it means, by the one rule every reader follows
/// (<see cref="SnapshotResolver.TryChoose"/>: a folder means the file its <c>current.json</c> names, or the newest
/// intact older one when that is damaged).
/// </summary>
internal static class SnapshotLocator
{
    /// <summary>The snapshot to serve now, or null with the reason when there is none.</summary>
    /// <param name="options">The dashboard's settings.</param>
    /// <param name="contentRoot">What relative paths are relative to.</param>
    /// <param name="knownDamage">Files the dashboard found damaged (a failed open, query or full hash), with why.</param>
    /// <param name="problem">Why there is nothing to serve.</param>
    public static SnapshotChoice? Locate(AnalyticsOptions options, string contentRoot, Func<string, string?> knownDamage, out string? problem)
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

        if (SnapshotResolver.TryChoose(Path.GetFullPath(path, contentRoot), out var choice, out var reason, knownDamage))
        {
            return choice;
        }

        problem = $"{reason} ({setting})";
        return null;
    }
}

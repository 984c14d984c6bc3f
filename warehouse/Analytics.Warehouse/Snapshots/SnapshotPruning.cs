namespace Analytics.Warehouse.Snapshots;

/// <summary>Which published snapshots to delete: a pure rule, kept apart from the file system.</summary>
public static class SnapshotPruning
{
    /// <summary>
    /// The snapshots to delete: all but the <paramref name="keep"/> newest by name, except the current one and any
    /// published less than <paramref name="minimumAge"/> before <paramref name="now"/>.
    /// </summary>
    /// <param name="snapshots">Published snapshots: name and publication time.</param>
    /// <param name="current">The name <c>current.json</c> points to, if any.</param>
    /// <param name="keep">How many of the newest to keep (at least 1).</param>
    /// <param name="minimumAge">Grace period after publication.</param>
    /// <param name="now">The time now.</param>
    public static IReadOnlyList<string> ToDelete(
        IEnumerable<(string Name, DateTimeOffset PublishedAt)> snapshots, string? current, int keep, TimeSpan minimumAge, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return snapshots
            .OrderByDescending(s => s.Name, StringComparer.Ordinal)
            .Skip(keep)
            .Where(s => !string.Equals(s.Name, current, StringComparison.Ordinal))
            .Where(s => now - s.PublishedAt >= minimumAge)
            .Select(s => s.Name)
            .ToList();
    }
}

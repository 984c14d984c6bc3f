namespace Analytics.Warehouse.Snapshots;

/// <summary>How a <see cref="SnapshotStore"/> builds, exports and prunes snapshots.</summary>
public sealed record SnapshotStoreOptions
{
    /// <summary>How many published snapshots to keep (the newest by name); at least 1. Default 3.</summary>
    public int Keep { get; init; } = 3;

    /// <summary>
    /// Snapshots younger than this (since publication) are never pruned, so a reader that has just resolved
    /// <c>current.json</c> finds its file. Default one minute.
    /// </summary>
    public TimeSpan MinimumAge { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Export every <c>mart_*</c> table and view as Parquet next to the snapshot. Default true.</summary>
    public bool ExportMarts { get; init; } = true;

    /// <summary>
    /// DuckDB <c>memory_limit</c> while building (spills to disk beyond it); null for DuckDB's default (80% of RAM).
    /// Default 4GB: a province-scale build otherwise takes most of the machine's memory.
    /// </summary>
    public string? MemoryLimit { get; init; } = "4GB";

    /// <summary>DuckDB <c>threads</c> while building; null for DuckDB's default (all cores).</summary>
    public int? Threads { get; init; }
}

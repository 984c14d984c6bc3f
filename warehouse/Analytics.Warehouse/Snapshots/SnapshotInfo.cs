namespace Analytics.Warehouse.Snapshots;

/// <summary>A published warehouse snapshot: its file, when it was built and published, and its lineage.</summary>
/// <param name="Name">The snapshot's name, <c>warehouse-&lt;UTC yyyyMMddTHHmmssfff&gt;-&lt;id&gt;</c> (the file name without extension).</param>
/// <param name="Path">Full path of the DuckDB file.</param>
/// <param name="BuiltAt">When the build started (UTC); the time in the name.</param>
/// <param name="PublishedAt">When the snapshot became current (UTC).</param>
/// <param name="BatchIds">The lake load batches the build read (its lineage), in order.</param>
/// <param name="TableRows">Rows per table the build wrote.</param>
/// <param name="ExportFolder">Full path of the folder with the marts as Parquet (<c>mart_*.parquet</c>), or null when none were exported.</param>
/// <param name="Exports">File names of the Parquet exports in <paramref name="ExportFolder"/>.</param>
/// <param name="EngineVersion">The DuckDB version that wrote the file, e.g. <c>v1.5.6</c>.</param>
public sealed record SnapshotInfo(
    string Name,
    string Path,
    DateTimeOffset BuiltAt,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> BatchIds,
    IReadOnlyDictionary<string, long> TableRows,
    string? ExportFolder,
    IReadOnlyList<string> Exports,
    string EngineVersion)
{
    /// <summary>The data tests of the build that published it (empty for a snapshot read back from its record).</summary>
    public IReadOnlyList<Building.DataTestResult> DataTests { get; init; } = [];

    /// <summary>Where each feed's lake rows went in the build (empty for a snapshot read back from disk).</summary>
    public IReadOnlyList<Building.FeedRows> Feeds { get; init; } = [];

    /// <summary>How the build made each table (built, or copied from the previous snapshot); empty when read back from a record.</summary>
    public IReadOnlyList<Building.BuiltTable> Tables { get; init; } = [];
}

namespace Analytics.Notebooks.Api;

/// <summary>The snapshot a notebook reads: its file, name, when it was built and how recent its data are.</summary>
/// <param name="Path">Full path of the DuckDB file.</param>
/// <param name="Name">The snapshot's name (<c>snapshot_info.snapshot</c>, else the file name).</param>
/// <param name="BuiltAtUtc">When the snapshot was built (<c>snapshot_info.built_at_utc</c>, else the file's time), UTC.</param>
/// <param name="DataAsOf">The latest date of the data it holds (<c>mart_freshness</c>), else the build date.</param>
public sealed record SnapshotSummary(string Path, string Name, DateTime BuiltAtUtc, DateOnly DataAsOf)
{
    /// <summary>"数据截至 2016-12-31 · 快照 … 构建于 … UTC" for reports.</summary>
    public string AsOfText =>
        $"数据截至 Data as of {DataAsOf:yyyy-MM-dd} · 快照 Snapshot {Name} · 构建于 built {BuiltAtUtc:yyyy-MM-dd HH:mm} UTC";
}

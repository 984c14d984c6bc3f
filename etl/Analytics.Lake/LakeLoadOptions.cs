namespace Analytics.Lake;

/// <summary>Resources for a load's staging database.</summary>
public sealed record LakeLoadOptions
{
    /// <summary>
    /// DuckDB memory limit while staging (spills to disk beyond it). Default 2GB: with the loader's own duplicate log,
    /// a province's 27.6 M-row R&amp;D extract then peaks at 3.7 GB (4.7 GB at 3GB) at the same speed.
    /// </summary>
    public string MemoryLimit { get; init; } = "2GB";

    /// <summary>DuckDB threads for writing Parquet.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How long to wait for another load of the same lake to finish (<see cref="LakeLoadLock"/>); zero, the default,
    /// refuses at once with <see cref="LakeBusyException"/>.
    /// </summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;
}

/// <summary>Progress of a load: the file being read, or (<see cref="WritingParquet"/>) every file read and the batch being written.</summary>
/// <param name="File">Its name.</param>
/// <param name="Index">Files done so far.</param>
/// <param name="Count">Files in the load.</param>
public sealed record LoadProgress(string File, int Index, int Count)
{
    /// <summary>Every file is read; the staged rows are being written as Parquet.</summary>
    public bool WritingParquet { get; init; }
}

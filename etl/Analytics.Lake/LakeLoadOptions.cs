namespace Analytics.Lake;

/// <summary>Resources for a load's staging database.</summary>
public sealed record LakeLoadOptions
{
    /// <summary>
    /// DuckDB memory limit while staging (spills to disk beyond it). Default 2GB: with the loader's own duplicate log,
    /// a province's 27.6 M-row R&amp;D extract then peaks at 3.7 GB (4.7 GB at 3GB) at the same speed.
    /// </summary>
    public string MemoryLimit { get; init; } = "2GB";

    /// <summary>
    /// Rows of a feed one connection stages before writing them out as a Parquet part (<see cref="StagedPart"/>). The
    /// default, 2,000,000, keeps two threads' parts of the widest feed (patents) inside the memory limit; the tests
    /// set a few rows to cut many parts.
    /// </summary>
    public long StagedPartRows { get; init; } = 2_000_000;

    /// <summary>DuckDB threads for writing Parquet.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many files read whole (workbooks, files too small to split: <see cref="Etl.Reading.FeedLoader.ReadsWhole"/>)
    /// a load reads at a time, each on a thread of its own (default one per core; 1 reads every file one after another).
    /// Give it the reader's threads per file (<see cref="EtlFileReader.WithParallelism"/>), as <c>--parallel</c> does.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How long to wait for another load of the same lake to finish (<see cref="LakeLoadLock"/>); zero, the default,
    /// refuses at once with <see cref="LakeBusyException"/>.
    /// </summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;
}

/// <summary>Progress of a load: the file being read, or (<see cref="WritingParquet"/>) every file read and the batch being written.</summary>
/// <param name="File">Its name.</param>
/// <param name="Index">Files begun before it (files read whole are read several at a time, so some may still be running).</param>
/// <param name="Count">Files in the load.</param>
public sealed record LoadProgress(string File, int Index, int Count)
{
    /// <summary>Every file is read; the staged rows are being written as Parquet.</summary>
    public bool WritingParquet { get; init; }

    /// <summary>While <see cref="WritingParquet"/>: the part of that last phase just begun (the last staged parts, one feed's Parquet, …).</summary>
    public string? Phase { get; init; }
}

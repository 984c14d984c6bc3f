namespace Analytics.Etl.Sources;

/// <summary>A progress report for one file, reported at the start and end of each stage and about every MiB in between.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Origin">The file's path or URL.</param>
/// <param name="Stage">What is happening.</param>
/// <param name="BytesDone">Bytes read or received so far in this stage.</param>
/// <param name="BytesTotal">The expected total, when known (a file's length, a Content-Length).</param>
/// <param name="Attempt">The HTTP attempt, 1-based; 1 for folders.</param>
public readonly record struct PullProgress(
    string Source, string Origin, PullStage Stage, long BytesDone, long? BytesTotal, int Attempt = 1);

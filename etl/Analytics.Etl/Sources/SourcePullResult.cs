namespace Analytics.Etl.Sources;

/// <summary>The result of pulling one source: a result per file, or an error that stopped the whole source.</summary>
/// <param name="Source">The source.</param>
/// <param name="Files">One result per matched file or URL, in path or configuration order.</param>
/// <param name="Error">Why the source could not be pulled at all (e.g. its folder does not exist), or null.</param>
/// <param name="Warning">Something worth a look that is not a failure (e.g. no file matched), or null.</param>
public sealed record SourcePullResult(
    SourceDefinition Source, IReadOnlyList<FilePullResult> Files, string? Error = null, string? Warning = null)
{
    /// <summary>Files landed as new content.</summary>
    public int New => Files.Count(f => f.Outcome == PullOutcome.New);

    /// <summary>Files whose content was already landed.</summary>
    public int Unchanged => Files.Count(f => f.Outcome == PullOutcome.Unchanged);

    /// <summary>Files that failed.</summary>
    public int Failed => Files.Count(f => f.Outcome == PullOutcome.Failed);

    /// <summary>Bytes written into the landing area.</summary>
    public long BytesLanded => Files.Sum(f => f.BytesLanded);

    /// <summary>True when the source was pulled and no file failed.</summary>
    public bool Succeeded => Error is null && Failed == 0;
}

namespace Analytics.Etl.Sources;

/// <summary>The result of a pull: one <see cref="SourcePullResult"/> per source, with totals.</summary>
/// <param name="Sources">The sources, in configuration order.</param>
public sealed record PullReport(IReadOnlyList<SourcePullResult> Sources)
{
    /// <summary>Every file result of every source.</summary>
    public IEnumerable<FilePullResult> Files => Sources.SelectMany(s => s.Files);

    /// <summary>Files landed as new content.</summary>
    public int New => Sources.Sum(s => s.New);

    /// <summary>Files whose content was already landed.</summary>
    public int Unchanged => Sources.Sum(s => s.Unchanged);

    /// <summary>Files that failed.</summary>
    public int Failed => Sources.Sum(s => s.Failed);

    /// <summary>Sources that could not be pulled at all.</summary>
    public int FailedSources => Sources.Count(s => s.Error is not null);

    /// <summary>Bytes written into the landing area.</summary>
    public long BytesLanded => Sources.Sum(s => s.BytesLanded);

    /// <summary>True when every source was pulled and no file failed; a command exits non-zero otherwise.</summary>
    public bool Succeeded => Sources.All(s => s.Succeeded);
}

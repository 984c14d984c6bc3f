using Analytics.Etl.Contracts;

namespace Analytics.Etl.Sources;

/// <summary>The result of pulling one file or URL.</summary>
public sealed record FilePullResult
{
    /// <summary>The source's name.</summary>
    public required string Source { get; init; }

    /// <summary>The feed the source carries.</summary>
    public required FeedKind Feed { get; init; }

    /// <summary>The file's absolute path or the URL.</summary>
    public required string Origin { get; init; }

    /// <summary>New, unchanged or failed.</summary>
    public required PullOutcome Outcome { get; init; }

    /// <summary>The index entry of the landed content (new), or of the content already landed (unchanged); null when failed.</summary>
    public LandingIndexEntry? Entry { get; init; }

    /// <summary>Bytes written into the landing area (0 unless <see cref="PullOutcome.New"/>).</summary>
    public long BytesLanded { get; init; }

    /// <summary>HTTP requests made (0 for a folder file, or when a configured sha256 showed the content already landed).</summary>
    public int Attempts { get; init; }

    /// <summary>Why it failed, where, and what to do; for unchanged, a short note of why nothing was written.</summary>
    public string? Reason { get; init; }
}

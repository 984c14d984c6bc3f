namespace Analytics.Etl.Sources;

/// <summary>What a pull is doing with one file, for progress display.</summary>
public enum PullStage
{
    /// <summary>Reading a local file to compute its SHA-256 before deciding whether to copy it.</summary>
    Hashing,

    /// <summary>Copying a local file into the landing area.</summary>
    Copying,

    /// <summary>Downloading from a URL into the landing area.</summary>
    Downloading,

    /// <summary>Waiting before retrying a failed request.</summary>
    WaitingToRetry,

    /// <summary>Done with the file (landed, unchanged or failed).</summary>
    Finished,
}

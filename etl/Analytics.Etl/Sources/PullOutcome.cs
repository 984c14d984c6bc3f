namespace Analytics.Etl.Sources;

/// <summary>What pulling one file came to.</summary>
public enum PullOutcome
{
    /// <summary>Content not seen before for this feed: landed and recorded in the index.</summary>
    New,

    /// <summary>Content already landed for this feed (or the server answered 304): nothing written.</summary>
    Unchanged,

    /// <summary>Not landed; <see cref="FilePullResult.Reason"/> says why and what to do.</summary>
    Failed,
}

namespace Analytics.Etl.Contracts;

/// <summary>
/// Receives the outcome of reading one file, row by row, in source order. The loader finishes its duplicate pre-scan
/// (and any refusal) before the first call, so a refused file never reaches the sink.
/// </summary>
public interface IFeedSink
{
    /// <summary>An accepted row. The record is reused after the call returns; copy what you keep.</summary>
    void Accept(FeedRecord record);

    /// <summary>A quarantined row.</summary>
    void Quarantine(Rejection rejection);
}

namespace Analytics.Etl.Contracts;

/// <summary>
/// Receives the outcome of reading one file, row by row, in source order. With duplicate detection on (the default)
/// the loader finishes its pre-scan, and so any refusal, before the first call. With it off, an encoding error found
/// mid-file refuses the file after some calls: on <see cref="Reading.ExtractRefusedException"/>, discard what the
/// file delivered.
/// </summary>
public interface IFeedSink
{
    /// <summary>An accepted row. The record is reused after the call returns; copy what you keep.</summary>
    void Accept(FeedRecord record);

    /// <summary>A quarantined row.</summary>
    void Quarantine(Rejection rejection);
}

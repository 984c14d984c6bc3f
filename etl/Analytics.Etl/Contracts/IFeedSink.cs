namespace Analytics.Etl.Contracts;

/// <summary>
/// Receives the outcome of reading one file, row by row, in source order, except that rows repeating an earlier key
/// are settled at the end of the file: later copies arrive then as quarantined rows, and the first row of a key with
/// conflicting values, already accepted, is withdrawn. A file can be refused part-way through (an encoding error
/// found mid-file): on <see cref="Reading.ExtractRefusedException"/>, discard what the file delivered.
/// </summary>
public interface IFeedSink
{
    /// <summary>An accepted row. The record is reused after the call returns; copy what you keep.</summary>
    void Accept(FeedRecord record);

    /// <summary>A quarantined row.</summary>
    void Quarantine(Rejection rejection);

    /// <summary>
    /// Takes back a row accepted earlier from the same file — the <paramref name="acceptedIndex"/>-th (from 0) accepted
    /// by this read — and quarantines it as <paramref name="rejection"/> says.
    /// </summary>
    void Withdraw(long acceptedIndex, Rejection rejection);
}

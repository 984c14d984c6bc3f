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

/// <summary>
/// A sink that can take one file's rows from several threads at once (<see cref="Reading.FeedReadOptions.Parallelism"/>):
/// the reader asks it for one sink per thread before the threads start. Each thread's sink receives the rows of the
/// chunks that thread reads, chunk by chunk in source order, and is used by that thread alone while rows flow; after the
/// threads end, the duplicates of the whole file are settled through the threads' sinks from the calling thread
/// (<see cref="IFeedSink.Withdraw"/> with the index as that thread's sink counted it, and quarantined rows).
/// This sink itself receives nothing from a parallel read.
/// </summary>
public interface IParallelFeedSink : IFeedSink
{
    /// <summary>The sink for thread <paramref name="thread"/> (0, 1, …) of the read that is starting.</summary>
    IFeedSink ForThread(int thread);
}

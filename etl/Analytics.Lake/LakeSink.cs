using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// Receives one file's validated rows and rejections from the ETL's reader and appends them to the staging tables,
/// counting both, so the loader can check row conservation against the reader's own counts. A withdrawn row is marked
/// for deletion by its staging sequence number (left out when the staged parts are written to the lake) and quarantined.
/// </summary>
/// <remarks>
/// The rows the reader hands this sink itself go through the loading thread's connection, or, for a file read beside
/// others (<see cref="FileSchedule"/>), through a connection of its own, as a parallel read's thread's rows do
/// (<see cref="ForThread"/>).
/// </remarks>
internal sealed class LakeSink : IParallelFeedSink
{
    private readonly StagingDatabase staging;
    private readonly LoadInput input;
    private readonly IStagingSink own;
    private readonly List<LakeThreadSink> threads = [];

    public LakeSink(StagingDatabase staging, LoadInput input, bool ownConnection)
    {
        this.staging = staging;
        this.input = input;
        own = ownConnection ? new LakeThreadSink(staging.OpenThread(), staging, input) : new LakeMainSink(staging, input);
    }

    /// <summary>Rows staged as accepted, by this sink and its threads' sinks.</summary>
    public long Accepted => own.Accepted + threads.Sum(t => t.Accepted);

    /// <summary>Rows staged in the quarantine, by this sink and its threads' sinks.</summary>
    public long Quarantined => own.Quarantined + threads.Sum(t => t.Quarantined);

    /// <inheritdoc />
    public IFeedSink ForThread(int thread)
    {
        var sink = new LakeThreadSink(staging.OpenThread(), staging, input);
        threads.Add(sink);
        return sink;
    }

    public void Accept(FeedRecord record) => own.Accept(record);

    /// <summary>
    /// Writes out the file's staged rows not yet in a part, once the reader has returned (every thread of the file is
    /// done), so a batch of many files holds at most one file's rows in memory.
    /// </summary>
    public void Finish()
    {
        own.Finish();
        foreach (var thread in threads)
        {
            thread.Finish();
        }
    }

    public void Withdraw(long acceptedIndex, Rejection rejection) => own.Withdraw(acceptedIndex, rejection);

    public void Quarantine(Rejection rejection) => own.Quarantine(rejection);
}

/// <summary>A sink that stages one file's rows (or a share of them) and counts what it staged.</summary>
internal interface IStagingSink : IFeedSink
{
    /// <summary>Rows staged as accepted (less those withdrawn).</summary>
    long Accepted { get; }

    /// <summary>Rows staged in the quarantine.</summary>
    long Quarantined { get; }

    /// <summary>Writes out the staged rows not yet in a part (the file is read).</summary>
    void Finish();
}

/// <summary>A file's rows through the loading thread's connection, numbered in the feed's sequence (<see cref="StagingDatabase.NextSequence"/>).</summary>
internal sealed class LakeMainSink(StagingDatabase staging, LoadInput input) : IStagingSink
{
    private readonly int fileId = staging.FileId(input);
    private long firstSequence = -1;

    public long Accepted { get; private set; }

    public long Quarantined { get; private set; }

    public void Finish() => staging.CloseMainPart(input.Feed);

    public void Accept(FeedRecord record)
    {
        var part = staging.Accepted(record.Contract);
        var sequence = staging.NextSequence(record.Contract.Kind);
        if (firstSequence < 0)
        {
            firstSequence = sequence;
        }

        var row = LakeRows.Values(part.CreateRow(), record);
        LakeRows.Append(row, record, fileId, sequence);
        Accepted++;
    }

    public void Withdraw(long acceptedIndex, Rejection rejection)
    {
        if (firstSequence < 0 || acceptedIndex < 0 || acceptedIndex >= staging.NextSequencePeek(input.Feed) - firstSequence)
        {
            throw new InvalidOperationException($"{input.OriginalName}: accepted row #{acceptedIndex} cannot be withdrawn; it was never staged.");
        }

        staging.Withdraw(input.Feed, firstSequence + acceptedIndex);
        Accepted--;
        Quarantine(rejection);
    }

    public void Quarantine(Rejection rejection)
    {
        LakeRows.Quarantine(staging.Quarantine, rejection, input);
        Quarantined++;
    }
}

/// <summary>
/// One thread's share of a parallel read, or a whole file read beside others: its rows go through the thread's own
/// connection and appenders, numbered from a staging sequence range of its own, so a withdrawal finds its row.
/// </summary>
internal sealed class LakeThreadSink(StagingThread thread, StagingDatabase staging, LoadInput input) : IStagingSink
{
    private readonly int fileId = staging.FileId(input);
    private readonly long firstSequence = staging.NextRangeStart();
    private long appended;

    public long Accepted { get; private set; }

    public long Quarantined { get; private set; }

    public void Finish() => thread.CloseParts();

    public void Accept(FeedRecord record)
    {
        var row = thread.Accepted(record.Contract).CreateRow();
        row = LakeRows.Values(row, record);
        LakeRows.Append(row, record, fileId, firstSequence + appended);
        appended++;
        Accepted++;
    }

    public void Withdraw(long acceptedIndex, Rejection rejection)
    {
        if (acceptedIndex < 0 || acceptedIndex >= appended)
        {
            throw new InvalidOperationException($"{input.OriginalName}: accepted row #{acceptedIndex} cannot be withdrawn; it was never staged.");
        }

        staging.Withdraw(input.Feed, firstSequence + acceptedIndex);
        Accepted--;
        Quarantine(rejection);
    }

    public void Quarantine(Rejection rejection)
    {
        LakeRows.Quarantine(thread.Quarantine, rejection, input);
        Quarantined++;
    }
}

/// <summary>How a row is staged: its values in the staging table's column order, then its origin.</summary>
internal static class LakeRows
{
    /// <summary>Appends the contract's fields, the derived columns and the notes.</summary>
    public static DuckDbAppenderRow Values(DuckDbAppenderRow row, FeedRecord record)
    {
        for (var i = 0; i < record.FieldCount; i++)
        {
            if (record.IsNull(i))
            {
                row = row.AppendNull();
                continue;
            }

            row = record.Contract.Fields[i].Type switch
            {
                FieldType.Text => row.Append(record.GetString(i)),
                FieldType.Integer => row.Append(record.GetInt32(i)),
                FieldType.Amount => row.Append(record.GetDecimal(i)),
                FieldType.Double => row.Append(record.GetDouble(i)),
                FieldType.Date => row.Append(record.GetDate(i)),
                FieldType.Flag => row.Append(record.GetBoolean(i)),
                FieldType.TextList => row.Append(string.Join('\u001f', record.GetStringList(i))),
                _ => throw new InvalidOperationException($"Field type {record.Contract.Fields[i].Type} has no lake column."),
            };
        }

        if (record.Contract.Kind == FeedKind.Patents)
        {
            // LakeSchema.Derived: the applicants' credit codes, NULL entries staged as empty texts.
            row = row.Append(string.Join('\u001f', ApplicantCreditCodes.Of(record.GetStringList(PatentsContract.Applicants))));
        }

        row = record.Notes.Count == 0 ? row.AppendNull() : row.Append(string.Join('\u001f', record.Notes.Select(n => n.Kind)));
        return row;
    }

    /// <summary>
    /// Appends the row's origin (its file as the number <see cref="StagingDatabase.FileId"/> gave it: the name and
    /// sha256 are joined back when the rows are read for the lake) and staging sequence number, and ends it.
    /// </summary>
    public static void Append(DuckDbAppenderRow row, FeedRecord record, int fileId, long sequence) =>
        row.Append(fileId).Append(record.RowNumber).Append(sequence).EndRow();

    /// <summary>Appends a quarantined row.</summary>
    public static void Quarantine(DuckDbAppender quarantine, Rejection rejection, LoadInput input) =>
        quarantine.CreateRow()
            .Append(input.Feed.ToName()).Append(input.OriginalName).Append(input.Sha256).Append(rejection.Sheet)
            .Append(rejection.RowNumber).Append(rejection.RawRow).Append(rejection.RuleId).Append(rejection.Column)
            .Append(rejection.Value).Append(rejection.Message).EndRow();
}

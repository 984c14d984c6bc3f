using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;
using Analytics.Etl.Sources;

namespace Analytics.Lake;

/// <summary>
/// Receives one file's validated rows and rejections from the ETL's reader and appends them to the staging tables,
/// counting both, so the loader can check row conservation against the reader's own counts. A withdrawn row is marked
/// for deletion by its staging sequence number (deleted once the appenders are flushed) and quarantined.
/// </summary>
internal sealed class LakeSink(StagingDatabase staging, LoadInput input) : IFeedSink
{
    private long firstSequence = -1;

    public long Accepted { get; private set; }

    public long Quarantined { get; private set; }

    public void Accept(FeedRecord record)
    {
        var appender = staging.Accepted(record.Contract);
        var sequence = staging.NextSequence(record.Contract.Kind);
        if (firstSequence < 0)
        {
            firstSequence = sequence;
        }

        var row = appender.CreateRow();
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
        row.Append(input.OriginalName).Append(input.Sha256).Append(record.RowNumber).Append(sequence).EndRow();
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
        staging.Quarantine.CreateRow()
            .Append(input.Feed.ToName()).Append(input.OriginalName).Append(input.Sha256).Append(rejection.Sheet)
            .Append(rejection.RowNumber).Append(rejection.RawRow).Append(rejection.RuleId).Append(rejection.Column)
            .Append(rejection.Value).Append(rejection.Message).EndRow();
        Quarantined++;
    }
}

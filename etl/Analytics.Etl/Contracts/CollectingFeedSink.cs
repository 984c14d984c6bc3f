namespace Analytics.Etl.Contracts;

/// <summary>An <see cref="IFeedSink"/> that keeps everything in memory (tests, small files, previews).</summary>
public sealed class CollectingFeedSink : IFeedSink
{
    private readonly List<string?> sheets = [];

    /// <summary>Accepted rows as boxed values in contract order.</summary>
    public List<object?[]> Rows { get; } = [];

    /// <summary>Source row numbers of <see cref="Rows"/>, in the same order.</summary>
    public List<long> RowNumbers { get; } = [];

    /// <summary>Notes of every accepted row.</summary>
    public List<NormalisationNote> Notes { get; } = [];

    /// <summary>Quarantined rows.</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <inheritdoc />
    public void Accept(FeedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Rows.Add(record.ToValues());
        RowNumbers.Add(record.RowNumber);
        sheets.Add(record.Sheet);
        Notes.AddRange(record.Notes);
    }

    /// <inheritdoc />
    public void Quarantine(Rejection rejection) => Rejections.Add(rejection);

    /// <inheritdoc />
    /// <remarks>Finds the row by its number and sheet, so one collecting sink can serve several reads.</remarks>
    public void Withdraw(long acceptedIndex, Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        for (var i = RowNumbers.Count - 1; i >= 0; i--)
        {
            if (RowNumbers[i] == rejection.RowNumber && sheets[i] == rejection.Sheet)
            {
                Rows.RemoveAt(i);
                RowNumbers.RemoveAt(i);
                sheets.RemoveAt(i);
                Rejections.Add(rejection);
                return;
            }
        }

        throw new InvalidOperationException($"Row {rejection.RowNumber} was never accepted, so it cannot be withdrawn.");
    }
}

namespace Analytics.Etl.Contracts;

/// <summary>An <see cref="IFeedSink"/> that keeps everything in memory (tests, small files, previews).</summary>
public sealed class CollectingFeedSink : IFeedSink
{
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
        Notes.AddRange(record.Notes);
    }

    /// <inheritdoc />
    public void Quarantine(Rejection rejection) => Rejections.Add(rejection);
}

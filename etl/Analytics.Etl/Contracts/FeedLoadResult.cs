namespace Analytics.Etl.Contracts;

/// <summary>
/// What reading one file produced. <see cref="IsBalanced"/> is the row-conservation check every load must pass:
/// rows read = accepted + quarantined + skipped blank.
/// </summary>
public sealed class FeedLoadResult
{
    /// <summary>The feed.</summary>
    public required FeedKind Kind { get; init; }

    /// <summary>The file.</summary>
    public required string SourceFile { get; init; }

    /// <summary>How the bytes were decoded (e.g. <c>UTF-8 (BOM)</c>, <c>GB18030</c>, <c>xlsx</c>).</summary>
    public required string Encoding { get; init; }

    /// <summary>Data rows read below the header (blank rows included; title and header rows excluded).</summary>
    public long RowsRead { get; internal set; }

    /// <summary>Rows handed to <see cref="IFeedSink.Accept"/>.</summary>
    public long RowsAccepted { get; internal set; }

    /// <summary>Rows handed to <see cref="IFeedSink.Quarantine"/>.</summary>
    public long RowsQuarantined { get; internal set; }

    /// <summary>Blank rows (every cell empty), skipped and counted.</summary>
    public long RowsSkippedBlank { get; internal set; }

    /// <summary>Quarantined rows per rule id.</summary>
    public Dictionary<string, long> QuarantinedByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Normalisation notes per kind, over accepted rows.</summary>
    public Dictionary<string, long> NotesByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>Things a supplier should know that did not stop the load (unknown columns, skipped sheets, ignored duplicates of a column).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The snapshot date used for the registry when it came from the file name or configuration.</summary>
    public DateOnly? AsOf { get; internal set; }

    /// <summary>
    /// True when the file has a header but no data rows (blank lines at most): a supplier's "nothing this period", loaded
    /// as nothing rather than refused.
    /// </summary>
    public bool IsEmptyDelivery => RowsRead == RowsSkippedBlank;

    /// <summary>True when every row read is accounted for.</summary>
    public bool IsBalanced => RowsRead == RowsAccepted + RowsQuarantined + RowsSkippedBlank;

    /// <inheritdoc />
    public override string ToString() =>
        $"{SourceFile}: read {RowsRead}, accepted {RowsAccepted}, quarantined {RowsQuarantined}, skipped blank {RowsSkippedBlank}";
}

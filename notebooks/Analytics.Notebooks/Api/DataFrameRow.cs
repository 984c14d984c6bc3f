using Analytics.Snapshots.Formatting;

namespace Analytics.Notebooks.Api;

/// <summary>One row of a <see cref="DataFrame"/>, read by column name.</summary>
public readonly struct DataFrameRow
{
    private readonly DataFrame _frame;

    internal DataFrameRow(DataFrame frame, int index)
    {
        _frame = frame;
        Index = index;
    }

    /// <summary>The row's position in its frame.</summary>
    public int Index { get; }

    /// <summary>The value of <paramref name="column"/> (null for SQL NULL).</summary>
    public object? this[string column] => _frame.Value(Index, column);

    /// <summary>The value of <paramref name="column"/> as text (null for SQL NULL).</summary>
    public string? Text(string column) => ValueText.FormatOrNull(this[column]);

    /// <summary>The value of <paramref name="column"/> as a double (null for SQL NULL).</summary>
    public double? Number(string column) => DataFrame.ToNumber(this[column]);

    /// <summary>The value of <paramref name="column"/> as an integer (null for SQL NULL).</summary>
    public long? Integer(string column) => Number(column) is { } d ? (long)Math.Round(d) : null;
}

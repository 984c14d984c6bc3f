using System.Globalization;
using Analytics.Snapshots.Formatting;

namespace Analytics.Notebooks.Api;

/// <summary>
/// A small, read-only table: the result of <see cref="Review.Sql"/>. Columns by name, rows by index, typed
/// column reads for charts (<see cref="Numbers"/>, <see cref="Texts"/>), and filtering into a new frame.
/// </summary>
public sealed class DataFrame
{
    private readonly Dictionary<string, int> _ordinals;

    /// <summary>A frame of <paramref name="columns"/> and <paramref name="rows"/> (each row one value per column, null for SQL NULL).</summary>
    public DataFrame(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        RowValues = rows;
        _ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            _ordinals.TryAdd(columns[i], i);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns.Count)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} values for {columns.Count} columns.", nameof(rows));
            }
        }
    }

    /// <summary>The column names, in query order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows' values, in query order.</summary>
    public IReadOnlyList<object?[]> RowValues { get; }

    /// <summary>The number of rows.</summary>
    public int Count => RowValues.Count;

    /// <summary>The rows, each readable by column name.</summary>
    public IEnumerable<DataFrameRow> Rows => Enumerable.Range(0, Count).Select(i => new DataFrameRow(this, i));

    /// <summary>Row <paramref name="index"/>.</summary>
    public DataFrameRow this[int index] => new(this, index);

    /// <summary>True when the frame has a column named <paramref name="column"/> (case-insensitive).</summary>
    public bool Has(string column) => _ordinals.ContainsKey(column);

    /// <summary>The position of <paramref name="column"/>; an unknown name is an error listing the columns there are.</summary>
    public int Ordinal(string column) => _ordinals.TryGetValue(column, out var i)
        ? i
        : throw new KeyNotFoundException($"The result has no column '{column}'; its columns are: {string.Join(", ", Columns)}.");

    /// <summary>The value at row <paramref name="row"/>, column <paramref name="column"/> (null for SQL NULL).</summary>
    public object? Value(int row, string column) => RowValues[row][Ordinal(column)];

    /// <summary>A numeric column as doubles (null for SQL NULL or non-numbers).</summary>
    public double?[] Numbers(string column)
    {
        var i = Ordinal(column);
        return RowValues.Select(r => ToNumber(r[i])).ToArray();
    }

    /// <summary>A column as text (null for SQL NULL); numbers use the invariant culture.</summary>
    public string?[] Texts(string column)
    {
        var i = Ordinal(column);
        return RowValues.Select(r => ValueText.FormatOrNull(r[i])).ToArray();
    }

    /// <summary>The rows matching <paramref name="predicate"/> as a new frame.</summary>
    public DataFrame Where(Func<DataFrameRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new DataFrame(Columns, Rows.Where(predicate).Select(r => RowValues[r.Index]).ToList());
    }

    /// <summary>The distinct non-null values of a column as text, in first-seen order.</summary>
    public IReadOnlyList<string> Distinct(string column) => Texts(column).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A value as a double, or null.</summary>
    internal static double? ToNumber(object? value) => value switch
    {
        null or DBNull => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        IConvertible c when value is not string and not bool and not DateTime => c.ToDouble(CultureInfo.InvariantCulture),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}

namespace Analytics.Snapshots.Results;

/// <summary>
/// A result as text cells for a person to read: its columns, its rows (null for SQL NULL, each value formatted by
/// <see cref="Formatting.ValueText"/>), and whether the caps cut it.
/// </summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows, one cell per column.</param>
/// <param name="Truncation">Whether, and by which cap, rows were left out.</param>
/// <param name="CellsCut">True when a long value was shortened for display (it ends with …).</param>
public sealed record TableResult(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<string?[]> Rows, Truncation Truncation, bool CellsCut = false)
{
    /// <summary>The column names.</summary>
    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToList();

    /// <summary>Reads every row of <paramref name="reader"/> up to <paramref name="maxRows"/> (trusted queries: the dashboard's own tables).</summary>
    public static TableResult Read(System.Data.Common.DbDataReader reader, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<string?[]>();
        var truncation = Truncation.None;
        while (reader.Read())
        {
            if (rows.Count == maxRows)
            {
                truncation = Truncation.Rows;
                break;
            }

            var row = new string?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Formatting.ValueText.Format(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new TableResult(columns, rows, truncation);
    }
}

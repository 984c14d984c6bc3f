using System.Data.Common;
using System.Globalization;

namespace Analytics.Dashboard.Data;

/// <summary>Rows of any query as text cells, with its column names and whether it was cut at the row cap.</summary>
public sealed record TableResult(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, bool Capped)
{
    /// <summary>Reads up to <paramref name="maxRows"/> rows; reads one more to know whether the result was cut.</summary>
    public static TableResult Read(DbDataReader reader, int maxRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string?[]>();
        var capped = false;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == maxRows)
            {
                capped = true;
                break;
            }

            var row = new string?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Format(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new TableResult(columns, rows, capped);
    }

    private static string? Format(object value) => value switch
    {
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(o => o is null ? "NULL" : Format(o))) + "]",
        _ => value.ToString(),
    };
}

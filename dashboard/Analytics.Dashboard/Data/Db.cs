using System.Data.Common;
using System.Globalization;

namespace Analytics.Dashboard.Data;

/// <summary>Null-tolerant reads of columns whose exact numeric type is the warehouse's choice (INTEGER, BIGINT, DECIMAL, DOUBLE).</summary>
internal static class Db
{
    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);

    public static double? Number(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static long? Integer(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>Every row of a query as column name → value (for small, loosely specified tables: catalog, freshness, quarantine).</summary>
    public static List<Dictionary<string, object?>> ReadAll(DbDataReader r, int maxRows = int.MaxValue)
    {
        var rows = new List<Dictionary<string, object?>>();
        while (rows.Count < maxRows && r.Read())
        {
            var row = new Dictionary<string, object?>(r.FieldCount, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < r.FieldCount; i++)
            {
                row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A value from a loosely read row as text, trying each name in turn.</summary>
    public static string? Get(this IReadOnlyDictionary<string, object?> row, params string[] names)
    {
        foreach (var name in names)
        {
            if (row.TryGetValue(name, out var value) && value is not null)
            {
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>A value from a loosely read row as an integer, trying each name in turn.</summary>
    public static int? GetInt(this IReadOnlyDictionary<string, object?> row, params string[] names) =>
        int.TryParse(row.Get(names), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

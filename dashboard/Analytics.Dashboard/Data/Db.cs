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

    /// <summary>
    /// A value from a loosely read row as text: null when the snapshot has no such column or the cell is NULL. One name
    /// only — the warehouse's (warehouse/Analytics.Warehouse/Sql/marts); a reader that tried a second name would hide a
    /// fixture or a snapshot that drifted from it.
    /// </summary>
    public static string? Get(this IReadOnlyDictionary<string, object?> row, string name) =>
        row.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A value from a loosely read row as an integer (see <see cref="Get"/>).</summary>
    public static int? GetInt(this IReadOnlyDictionary<string, object?> row, string name) =>
        int.TryParse(row.Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

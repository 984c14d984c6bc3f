using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>Reads a snapshot's <c>mart_indicator</c> directly with the provider: the numbers the API must equal.</summary>
public static class Mart
{
    public static List<Dictionary<string, object?>> Rows(string path, string where, params (string, object)[] parameters)
    {
        using var c = new DuckDbConnection($"Data Source={path};access_mode=READ_ONLY");
        c.Open();
        using var cmd = c.CreateCommand("SELECT * FROM mart_indicator WHERE " + where + " ORDER BY year, district_code, industry_group");
        foreach (var (n, v) in parameters)
        {
            cmd.Parameters.Add(n, v);
        }

        using var r = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (r.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < r.FieldCount; i++)
            {
                row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static double? Number(object? v) => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture);
}

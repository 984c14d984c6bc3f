using System.Globalization;
using Analytics.DuckDb;

namespace Analytics.Warehouse.Tests.Support;

/// <summary>Small query helpers for assertions.</summary>
internal static class Db
{
    /// <summary>Runs a query with named parameters and returns its rows as dictionaries.</summary>
    public static List<Dictionary<string, object?>> Rows(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The single mart row of an indicator cell.</summary>
    public static Dictionary<string, object?> Cell(
        DuckDbConnection connection, string indicator, int year, string district = "ALL", string group = "ALL", string size = "ALL")
    {
        var rows = Rows(connection, """
            SELECT * FROM mart_indicator
            WHERE indicator_id = $i AND year = $y AND district_code = $d AND industry_group = $g AND size_class = $s
            """, ("i", indicator), ("y", year), ("d", district), ("g", group), ("s", size));
        Assert.True(rows.Count == 1, $"{indicator} {year} {district}/{group}/{size}: expected one mart row, found {rows.Count}");
        return rows[0];
    }

    public static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}

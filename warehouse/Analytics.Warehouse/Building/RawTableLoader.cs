using Analytics.DuckDb;
using Analytics.Reference;

namespace Analytics.Warehouse.Building;

/// <summary>
/// Loads CSV text into a temporary table of VARCHAR columns named after its header. The models then cast these raw
/// tables into typed dimensions, so a catalog edit (a new target, a changed threshold) needs no code change; the raw
/// tables vanish with the build's connection.
/// </summary>
internal static class RawTableLoader
{
    /// <summary>Creates <paramref name="table"/> (a name the warehouse owns) from CSV <paramref name="text"/>; returns the rows loaded.</summary>
    public static long LoadCsv(DuckDbConnection connection, string table, string text, string sourceName)
    {
        var (header, rows) = SmallCsv.Parse(text, sourceName);
        return Load(connection, table, header, rows);
    }

    /// <summary>Creates the temporary <paramref name="table"/> with VARCHAR columns <paramref name="columns"/> and appends <paramref name="rows"/>.</summary>
    public static long Load(DuckDbConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<string?[]> rows)
    {
        var columnList = string.Join(", ", columns.Select(c => DuckDbConnection.QuoteIdentifier(c.Trim()) + " VARCHAR"));
        using (var create = connection.CreateCommand($"CREATE OR REPLACE TEMP TABLE {DuckDbConnection.QuoteIdentifier(table)} ({columnList})"))
        {
            create.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("temp", "main", table);
        foreach (var row in rows)
        {
            var appended = appender.CreateRow();
            foreach (var field in row)
            {
                appended = appended.Append(string.IsNullOrEmpty(field) ? null : field);
            }

            appended.EndRow();
        }

        appender.Close();
        return appender.RowCount;
    }
}

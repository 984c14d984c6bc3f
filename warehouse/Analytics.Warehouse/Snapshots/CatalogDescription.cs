using Analytics.DuckDb;

namespace Analytics.Warehouse.Snapshots;

/// <summary>A table or view of a snapshot with its comment and its columns, as DuckDB's catalog describes them.</summary>
/// <param name="Name">Table or view name.</param>
/// <param name="Kind"><c>table</c> or <c>view</c>.</param>
/// <param name="Rows">Rows of a table (DuckDB's <c>estimated_size</c>, exact for a checkpointed table); null for a view.</param>
/// <param name="Comment">The <c>COMMENT ON</c> text, or null.</param>
/// <param name="Columns">The columns in order.</param>
public sealed record CatalogObject(string Name, string Kind, long? Rows, string? Comment, IReadOnlyList<CatalogColumn> Columns);

/// <summary>A column with its DuckDB type, nullability and comment.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type, e.g. <c>DECIMAL(18,4)</c>.</param>
/// <param name="Nullable">Whether it may be null.</param>
/// <param name="Comment">The <c>COMMENT ON COLUMN</c> text, or null.</param>
public sealed record CatalogColumn(string Name, string Type, bool Nullable, string? Comment);

/// <summary>Reads a snapshot's tables, views and columns with their comments from <c>duckdb_tables()</c>, <c>duckdb_views()</c> and <c>duckdb_columns()</c>.</summary>
public static class CatalogDescription
{
    private const string ObjectsSql = """
        SELECT table_name, 'table', estimated_size, comment FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT view_name, 'view', NULL, comment FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY 1
        """;

    private const string ColumnsSql = """
        SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY table_name, column_index
        """;

    /// <summary>Every table and view in the main schema of <paramref name="connection"/>'s current database, by name.</summary>
    public static IReadOnlyList<CatalogObject> Read(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var columns = new Dictionary<string, List<CatalogColumn>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand(ColumnsSql))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list))
                {
                    columns[table] = list = [];
                }

                list.Add(new CatalogColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        var objects = new List<CatalogObject>();
        using (var command = connection.CreateCommand(ObjectsSql))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(0);
                objects.Add(new CatalogObject(
                    name, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    columns.TryGetValue(name, out var list) ? list : []));
            }
        }

        return objects;
    }
}

namespace Analytics.Snapshots.Sql;

/// <summary>Catalog queries a console offers ready-made (the prompt's <c>.tables</c> and <c>.schema</c>): plain SELECTs, run and checked like any other.</summary>
public static class CatalogQueries
{
    /// <summary>The snapshot's tables and views, with their kind, rows (tables) and description.</summary>
    public const string Tables = """
        SELECT table_name AS name, 'table' AS kind, estimated_size AS "rows", comment
        FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT view_name, 'view', NULL, comment
        FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY name
        """;

    /// <summary>The columns of one table or view (<paramref name="tableLiteral"/>: its name as a quoted SQL literal), with type, nullability and description.</summary>
    public static string Columns(string tableLiteral) => $"""
        SELECT column_name AS "column", data_type AS type, is_nullable AS nullable, comment
        FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = {tableLiteral}
        ORDER BY column_index
        """;
}

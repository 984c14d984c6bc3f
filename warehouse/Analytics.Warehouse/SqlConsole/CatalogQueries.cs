namespace Analytics.Warehouse.SqlConsole;

/// <summary>The console's own catalog queries (the REPL's <c>.tables</c> and <c>.schema</c>).</summary>
internal static class CatalogQueries
{
    public const string Tables = """
        SELECT table_name AS name, 'table' AS kind, estimated_size AS "rows", comment
        FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT view_name, 'view', NULL, comment
        FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
        ORDER BY name
        """;

    public const string Columns = """
        SELECT column_name AS "column", data_type AS type, is_nullable AS nullable, comment
        FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table
        ORDER BY column_index
        """;
}

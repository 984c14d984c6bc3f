using System.Text.Json;

namespace Analytics.Snapshots.Sql;

/// <summary>
/// Which functions and system views an analyst's query may use, judged on DuckDB's own parse tree before anything is
/// bound or run. Table functions are allowed by name (an allowlist); scalar, aggregate and window functions are allowed
/// unless denied (a denylist); system views that disclose the server are denied.
/// </summary>
/// <remarks>
/// <para>Why an allowlist for table functions: they are where DuckDB's side effects live, and several act while the
/// query is being bound, before any setting can stop them — <c>enable_logging</c> and <c>enable_profiling</c> change
/// the instance in spite of <c>lock_configuration</c>, and <c>enable_logging</c> given a path it may not write aborts
/// the whole process. <c>query()</c> and <c>json_execute_serialized_sql()</c> run SQL text that no check has seen;
/// <c>read_*</c>, <c>glob</c> and <c>parquet_*</c> touch files; <c>duckdb_settings()</c>, <c>duckdb_databases()</c>
/// and <c>duckdb_temporary_files()</c> print server paths; <c>duckdb_logs()</c> other users' queries. An analyst needs
/// few table functions on a snapshot (ranges, <c>unnest</c>, JSON, the catalog), so a new engine version's new table
/// function is refused until it is reviewed (a test lists every table function of the engine and fails on one that
/// is neither allowed nor reviewed as denied).</para>
/// <para>Why a denylist for the other functions: there are hundreds, they compute on their arguments, and the few that
/// touch the instance (<c>current_setting</c>, <c>write_log</c>, checkpoints, profiling) are named by a review of every
/// function whose name speaks of settings, files, logs, profiling, checkpoints or execution.</para>
/// <para>Defence in depth stays behind this check: the instance is read-only, without file access or extension
/// loading, its configuration locked, in a worker process of its own under operating-system limits.</para>
/// </remarks>
public static class SqlFunctionPolicy
{
    /// <summary>Table functions (and table macros) a query may call.</summary>
    public static IReadOnlySet<string> AllowedTableFunctions { get; } = Names(
        "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree", "summary", "histogram", "histogram_values",
        "pragma_table_info", "pragma_show", "pragma_collations", "pragma_version", "pragma_platform", "pg_timezone_names", "icu_calendar_names",
        "duckdb_columns", "duckdb_constraints", "duckdb_dependencies", "duckdb_functions", "duckdb_indexes", "duckdb_keywords",
        "duckdb_optimizers", "duckdb_schemas", "duckdb_sequences", "duckdb_tables", "duckdb_types", "duckdb_views");

    /// <summary>Table functions of DuckDB 1.5.6 reviewed and refused (documentation and the completeness test; anything not allowed is refused).</summary>
    public static IReadOnlySet<string> ReviewedDeniedTableFunctions { get; } = Names(
        "arrow_scan", "arrow_scan_dumb", "check_peg_parser", "checkpoint", "disable_logging", "disable_peg_parser", "disable_profiling",
        "duckdb_approx_database_count", "duckdb_connection_count", "duckdb_coordinate_systems", "duckdb_databases", "duckdb_extensions",
        "duckdb_external_file_cache", "duckdb_log_contexts", "duckdb_logs", "duckdb_logs_parsed", "duckdb_memory", "duckdb_prepared_statements",
        "duckdb_profiling_settings", "duckdb_secret_types", "duckdb_secrets", "duckdb_settings", "duckdb_table_sample", "duckdb_temporary_files",
        "duckdb_variables", "enable_logging", "enable_peg_parser", "enable_profiling", "force_checkpoint", "glob", "json_execute_serialized_sql",
        "parquet_bloom_probe", "parquet_file_metadata", "parquet_full_metadata", "parquet_kv_metadata", "parquet_metadata", "parquet_scan",
        "parquet_schema", "pragma_database_size", "pragma_metadata_info", "pragma_storage_info", "pragma_user_agent", "query", "query_table",
        "read_blob", "read_csv", "read_csv_auto", "read_duckdb", "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto",
        "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_parquet", "read_text", "seq_scan", "sniff_csv", "sql_auto_complete",
        "test_all_types", "test_vector_types", "truncate_duckdb_logs", "which_secret");

    /// <summary>Scalar, aggregate, window and pragma functions a query may not call.</summary>
    public static IReadOnlySet<string> DeniedFunctions { get; } = Names(
        "current_setting", "getenv", "write_log", "all_profiling_output", "enable_profiling", "enable_profile", "disable_profiling", "disable_profile",
        "enable_logging", "disable_logging", "truncate_duckdb_logs", "checkpoint", "force_checkpoint", "enable_checkpoint_on_shutdown",
        "disable_checkpoint_on_shutdown", "enable_object_cache", "disable_object_cache", "verify_serializer", "disable_verify_serializer",
        "json_execute_serialized_sql", "json_serialize_plan", "copy_database", "import_database", "database_list", "database_size",
        "show_databases", "extension_versions");

    /// <summary>System views a query may not read: they print paths, settings, prepared statements or logs.</summary>
    public static IReadOnlySet<string> DeniedViews { get; } = Names(
        "duckdb_databases", "duckdb_logs", "pragma_database_list", "pg_settings", "pg_prepared_statements",
        "duckdb_settings", "duckdb_extensions", "duckdb_secrets", "duckdb_temporary_files", "duckdb_memory");

    /// <summary>Throws <see cref="SqlRefusedException"/> when the parse tree <paramref name="statement"/> uses a function or view outside the policy.</summary>
    public static void Check(JsonElement statement) => Walk(statement, tableFunction: false);

    private static void Walk(JsonElement node, bool tableFunction)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, tableFunction: false);
                }

                break;
            case JsonValueKind.Object:
                CheckNode(node, tableFunction);
                var isTableFunction = Text(node, "type") == "TABLE_FUNCTION";
                foreach (var property in node.EnumerateObject())
                {
                    Walk(property.Value, tableFunction: isTableFunction && property.NameEquals("function"));
                }

                break;
        }
    }

    private static void CheckNode(JsonElement node, bool tableFunction)
    {
        if (Text(node, "function_name") is { } function)
        {
            var name = function.ToLowerInvariant();
            if (tableFunction ? !AllowedTableFunctions.Contains(name) : DeniedFunctions.Contains(name))
            {
                throw new SqlRefusedException(SqlRefusal.Function, name);
            }
        }

        if (Text(node, "type") is "BASE_TABLE" or "SHOW_REF" && Text(node, "table_name") is { } table)
        {
            var name = table.Trim('"').ToLowerInvariant();
            if (DeniedViews.Contains(name))
            {
                throw new SqlRefusedException(SqlRefusal.SystemView, name);
            }
        }
    }

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static HashSet<string> Names(params string[] names) => new(names, StringComparer.Ordinal);
}

using System.Text.RegularExpressions;
using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

public sealed partial class SqlFunctionPolicyTests : IDisposable
{
    /// <summary>Functions whose names sound like settings, files, logs or execution, reviewed and found harmless: they compute on their arguments or say what the query itself is.</summary>
    private static readonly HashSet<string> ReviewedHarmless = new(StringComparer.Ordinal)
    {
        "current_catalog", "current_connection_id", "current_database", "current_date", "current_localtime", "current_localtimestamp",
        "current_query", "current_query_id", "current_role", "current_schema", "current_schemas", "current_transaction_id", "current_user",
        "get_current_time", "get_current_timestamp", "getvariable", "has_database_privilege", "in_search_path", "json_deserialize_sql",
        "json_extract_path", "json_extract_path_text", "json_serialize_sql", "log", "log10", "log2", "parse_dirname", "parse_dirpath",
        "parse_duckdb_log_message", "parse_filename", "parse_path", "pg_conversion_is_visible", "pg_is_other_temp_schema",
        "pg_my_temp_schema", "pg_ts_template_is_visible", "platform", "session_user", "txid_current", "user", "user_agent",
        "uuid_extract_version", "version",
    };

    private readonly Analytics.DuckDb.DuckDbConnection _engine = TestSnapshot.Parser();

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("SELECT * FROM enable_logging(storage='file', storage_path='/proc/nowhere', level='trace')", "enable_logging")]
    [InlineData("SELECT * FROM enable_profiling()", "enable_profiling")]
    [InlineData("FROM main.enable_logging()", "enable_logging")]
    [InlineData("FROM system.main.\"ENABLE_LOGGING\"()", "enable_logging")]
    [InlineData("SELECT * FROM duckdb_logs()", "duckdb_logs")]
    [InlineData("SELECT * FROM duckdb_settings() WHERE name = 'temp_directory'", "duckdb_settings")]
    [InlineData("SELECT * FROM duckdb_temporary_files()", "duckdb_temporary_files")]
    [InlineData("SELECT * FROM query('DROP TABLE mart_indicator')", "query")]
    [InlineData("SELECT * FROM json_execute_serialized_sql('{}')", "json_execute_serialized_sql")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT * FROM glob('/etc/*')", "glob")]
    [InlineData("SELECT * FROM checkpoint()", "checkpoint")]
    [InlineData("SELECT current_setting('temp_directory')", "current_setting")]
    [InlineData("SELECT write_log('x')", "write_log")]
    [InlineData("SELECT 1 WHERE EXISTS (SELECT 1 FROM duckdb_logs())", "duckdb_logs")]
    [InlineData("WITH x AS (SELECT * FROM enable_profiling()) SELECT 1", "enable_profiling")]
    [InlineData("SELECT (SELECT max(length(current_setting('home_directory'))))", "current_setting")]
    [InlineData("SELECT * FROM range(3) r, LATERAL (SELECT * FROM read_text('/etc/hostname'))", "read_text")]
    [InlineData("SELECT * FROM unnest((SELECT list(name) FROM duckdb_settings()))", "duckdb_settings")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM enable_logging()", "enable_logging")]
    [InlineData("DESCRIBE SELECT * FROM duckdb_logs()", "duckdb_logs")]
    public void Functions_that_change_state_touch_files_or_disclose_the_server_are_refused_wherever_they_are(string sql, string function)
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlStatementCheck.Check(_engine, sql));

        Assert.Equal(SqlRefusal.Function, ex.Reason);
        Assert.Equal(function, ex.Subject);
    }

    [Theory]
    [InlineData("FROM duckdb_logs", "duckdb_logs")]
    [InlineData("SELECT path FROM duckdb_databases", "duckdb_databases")]
    [InlineData("SELECT * FROM pragma_database_list", "pragma_database_list")]
    [InlineData("SELECT * FROM pg_catalog.pg_settings", "pg_settings")]
    [InlineData("SELECT * FROM system.main.\"duckdb_databases\"", "duckdb_databases")]
    public void System_views_that_disclose_the_server_are_refused(string sql, string view)
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlStatementCheck.Check(_engine, sql));

        Assert.Equal(SqlRefusal.SystemView, ex.Reason);
        Assert.Equal(view, ex.Subject);
    }

    [Fact]
    public void Every_table_function_of_the_engine_is_either_allowed_or_reviewed_and_denied()
    {
        var unreviewed = EngineFunctions("function_type IN ('table', 'table_macro')")
            .Where(f => !SqlFunctionPolicy.AllowedTableFunctions.Contains(f) && !SqlFunctionPolicy.ReviewedDeniedTableFunctions.Contains(f))
            .ToList();

        Assert.True(unreviewed.Count == 0, "Table functions to review for the console's policy: " + string.Join(", ", unreviewed));
        Assert.Empty(SqlFunctionPolicy.AllowedTableFunctions.Intersect(SqlFunctionPolicy.ReviewedDeniedTableFunctions));
    }

    [Fact]
    public void Every_other_function_named_for_settings_files_logs_or_execution_is_reviewed()
    {
        var unreviewed = EngineFunctions("function_type NOT IN ('table', 'table_macro')")
            .Where(f => Suspicious().IsMatch(f) && !SqlFunctionPolicy.DeniedFunctions.Contains(f) && !ReviewedHarmless.Contains(f))
            .ToList();

        Assert.True(unreviewed.Count == 0, "Functions to review for the console's policy: " + string.Join(", ", unreviewed));
    }

    [Fact]
    public void The_denied_views_are_views_of_this_engine()
    {
        var views = EngineFunctions(null, "SELECT DISTINCT view_name FROM duckdb_views() WHERE internal");

        Assert.Contains("duckdb_logs", views);
        Assert.Contains("duckdb_databases", views);
        Assert.Contains("pg_settings", views);
    }

    [Fact]
    public void Every_refusal_has_a_Chinese_and_an_English_message()
    {
        foreach (var reason in Enum.GetValues<SqlRefusal>())
        {
            var zh = SqlMessages.Refusal(reason, "X", chinese: true);
            var en = SqlMessages.Refusal(reason, "X", chinese: false);
            Assert.NotEqual(zh, en);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en);
        }

        foreach (var kind in Enum.GetValues<SqlProblemKind>())
        {
            var problem = new SqlProblem(kind, SqlRefusal.Write, "5");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Message(chinese: true));
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", problem.Message(chinese: false));
        }
    }

    private List<string> EngineFunctions(string? where, string? sql = null)
    {
        using var command = _engine.CreateCommand(sql ?? $"SELECT DISTINCT function_name FROM duckdb_functions() WHERE {where}");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    [GeneratedRegex("setting|env|path|file|log|prof|checkpoint|exec|sql|secret|extension|pragma|current|version|platform|database|variable|query|serial|temp|memory|home|dir|user|pid|system|cache")]
    private static partial Regex Suspicious();
}

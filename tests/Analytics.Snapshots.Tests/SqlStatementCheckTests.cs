using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

/// <summary>The one statement check, on DuckDB's parser alone (the worker runs the same check before every query).</summary>
public sealed class SqlStatementCheckTests : IDisposable
{
    private readonly Analytics.DuckDb.DuckDbConnection _parser = TestSnapshot.Parser();

    public void Dispose() => _parser.Dispose();

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", SqlRefusal.Write, "INSERT")]
    [InlineData("CREATE TABLE t AS SELECT 1", SqlRefusal.Write, "CREATE")]
    [InlineData("create temp table t as select 1", SqlRefusal.Write, "CREATE")]
    [InlineData("DROP TABLE mart_indicator", SqlRefusal.Write, "DROP")]
    [InlineData("CHECKPOINT", SqlRefusal.Write, "CHECKPOINT")]
    [InlineData("COPY mart_indicator TO '/tmp/leak.csv'", SqlRefusal.FileAccess, "COPY")]
    [InlineData("EXPORT DATABASE '/tmp/leak'", SqlRefusal.FileAccess, "EXPORT")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other", SqlRefusal.OtherDatabase, "ATTACH")]
    [InlineData("INSTALL httpfs", SqlRefusal.Extension, "INSTALL")]
    [InlineData("LOAD json", SqlRefusal.Extension, "LOAD")]
    [InlineData("SET memory_limit = '100GB'", SqlRefusal.Setting, "SET")]
    [InlineData("SET VARIABLE x = 1", SqlRefusal.Setting, "SET")]
    [InlineData("RESET memory_limit", SqlRefusal.Setting, "RESET")]
    [InlineData("PRAGMA enable_profiling", SqlRefusal.Setting, "PRAGMA")]
    [InlineData("CALL enable_logging()", SqlRefusal.NotAQuery, "CALL")]
    [InlineData("BEGIN TRANSACTION", SqlRefusal.NotAQuery, "BEGIN")]
    [InlineData("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", SqlRefusal.NotAQuery, "WITH")]
    [InlineData("SELECT 1; SELECT 2", SqlRefusal.SeveralStatements, "2")]
    [InlineData("SELECT 1; DROP TABLE mart_indicator", SqlRefusal.SeveralStatements, "2")]
    [InlineData("  -- only a comment", SqlRefusal.Empty, null)]
    public void Anything_but_one_read_only_query_is_refused_by_its_reason(string sql, SqlRefusal reason, string? subject)
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlStatementCheck.Check(_parser, sql));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(subject, ex.Subject);
    }

    [Theory]
    [InlineData("EXPLAIN ANALYZE COPY mart_indicator TO '/tmp/leak.csv'", "COPY")]
    [InlineData("EXPLAIN (ANALYZE) COPY mart_indicator TO '/tmp/leak.csv'", "COPY")]
    [InlineData("EXPLAIN (ANALYZE, FORMAT json) DELETE FROM mart_indicator", "DELETE")]
    [InlineData("explain analyse create table t as select 1", "CREATE")]
    [InlineData("EXPLAIN /* sneaky */ ANALYZE INSERT INTO t VALUES (1)", "INSERT")]
    [InlineData("EXPLAIN EXPLAIN SELECT 1", "EXPLAIN")]
    [InlineData("EXPLAIN (ANALYZE, VERBOSE) SELECT 1", "VERBOSE")]
    [InlineData("EXPLAIN (FORMAT csv) SELECT 1", "FORMAT csv")]
    [InlineData("EXPLAIN (ANALYZE SELECT 1", "(")]
    public void EXPLAIN_of_anything_but_a_query_or_with_unknown_options_is_refused_by_the_check_itself(string sql, string subject)
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlStatementCheck.Check(_parser, sql));

        Assert.Equal(SqlRefusal.Explain, ex.Reason);
        Assert.Equal(subject, ex.Subject);
    }

    [Theory]
    [InlineData("EXPLAIN SELECT * FROM t", "EXPLAIN SELECT * FROM t")]
    [InlineData("explain analyze SELECT 1", "EXPLAIN ANALYZE SELECT 1")]
    [InlineData("EXPLAIN (ANALYZE) SELECT 1", "EXPLAIN ANALYZE SELECT 1")]
    [InlineData("EXPLAIN (FORMAT JSON, ANALYZE) SELECT 1 -- why", "EXPLAIN (FORMAT json, ANALYZE) SELECT 1 -- why")]
    [InlineData("EXPLAIN (ANALYZE false)\n  SELECT 1", "EXPLAIN SELECT 1")]
    public void EXPLAIN_of_a_query_runs_as_text_the_check_wrote(string sql, string runs)
    {
        Assert.Equal(runs, SqlStatementCheck.Check(_parser, sql));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT 1;")]
    [InlineData("FROM mart_indicator LIMIT 3")]
    [InlineData("WITH x AS (SELECT 1 AS v) SELECT v FROM x")]
    [InlineData("VALUES (1), (2)")]
    [InlineData("DESCRIBE mart_indicator")]
    [InlineData("SUMMARIZE mart_indicator")]
    [InlineData("SHOW TABLES")]
    [InlineData("FROM mart_indicator PIVOT (sum(value) FOR year IN (2020, 2021) GROUP BY plan)")]
    [InlineData("SELECT * FROM duckdb_tables() JOIN duckdb_columns() USING (table_name)")]
    [InlineData("SELECT unnest([1, 2]), * FROM range(3), generate_series(1, 2)")]
    [InlineData("SELECT 'enable_logging()' AS not_a_call, version()")]
    public void Read_only_query_forms_pass(string sql)
    {
        Assert.False(string.IsNullOrWhiteSpace(SqlStatementCheck.Check(_parser, sql)));
    }

    [Fact]
    public void A_syntax_error_is_DuckDBs_own_message_with_its_position()
    {
        var ex = Assert.Throws<SqlSyntaxException>(() => SqlStatementCheck.Check(_parser, "SELEC 1"));

        Assert.Contains("syntax error at or near \"SELEC\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_NUL_is_refused_before_the_parser_sees_it()
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlStatementCheck.Check(_parser, "SELECT 1\0; DROP TABLE mart_indicator"));

        Assert.Equal(SqlRefusal.InvalidText, ex.Reason);
    }
}

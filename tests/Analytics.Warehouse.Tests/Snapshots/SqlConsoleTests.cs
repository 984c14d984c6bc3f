using System.Diagnostics;
using System.Text;
using Analytics.DuckDb;
using Analytics.Warehouse.Snapshots;
using Analytics.Warehouse.SqlConsole;

namespace Analytics.Warehouse.Tests.Snapshots;

public sealed class SqlConsoleTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SnapshotInfo _snapshot;

    public SqlConsoleTests()
    {
        _snapshot = new SnapshotStore(_temp.PathOf("snapshots")).Publish(TinyBuilds.Marts(4, rows: 500));
    }

    public void Dispose() => _temp.Dispose();

    private SqlConsole.SqlConsole Open(SqlConsoleOptions? options = null) => SqlConsole.SqlConsole.Open(_snapshot.Path, options);

    [Fact]
    public void A_query_returns_columns_rows_and_types()
    {
        using var console = Open();

        var result = console.Run("SELECT year, count(*) AS n, max(value) AS v FROM mart_indicator GROUP BY year ORDER BY year;");

        Assert.Equal(["year", "n", "v"], result.Columns.Select(c => c.Name));
        Assert.Equal(["INTEGER", "BIGINT", "INTEGER"], result.Columns.Select(c => c.TypeName));
        Assert.Equal(5, result.Rows.Count);
        Assert.Equal([2018, 100L, 4], result.Rows[0]);
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData("INSERT INTO mart_indicator VALUES ('x', 2020, 1)", SqlRefusal.Write)]
    [InlineData("CREATE TABLE scratch AS SELECT 1", SqlRefusal.Write)]
    [InlineData("CREATE TEMP TABLE scratch AS SELECT 1", SqlRefusal.Write)]
    [InlineData("COPY mart_indicator TO '/tmp/stolen.csv'", SqlRefusal.FileAccess)]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other", SqlRefusal.OtherDatabase)]
    [InlineData("INSTALL httpfs", SqlRefusal.Extension)]
    [InlineData("LOAD httpfs", SqlRefusal.Extension)]
    [InlineData("SET memory_limit = '100GB'", SqlRefusal.Setting)]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", SqlRefusal.FileAccess)]
    [InlineData("SELECT * FROM read_text('/etc/hostname')", SqlRefusal.FileAccess)]
    [InlineData("SELECT * FROM glob('/etc/*')", SqlRefusal.FileAccess)]
    [InlineData("SELECT 1; DELETE FROM mart_indicator", SqlRefusal.SeveralStatements)]
    [InlineData("WITH x AS (SELECT 1 AS v) INSERT INTO mart_indicator SELECT 'x', 2020, v FROM x", SqlRefusal.NotAQuery)]
    [InlineData("EXPLAIN DELETE FROM mart_indicator", SqlRefusal.Write)]
    public void Writes_files_other_databases_extensions_settings_and_several_statements_are_refused_with_a_message(string sql, SqlRefusal reason)
    {
        using var console = Open();

        var ex = Assert.Throws<SqlRefusedException>(() => console.Run(sql));

        Assert.Equal(reason, ex.Reason);
        Assert.True(ex.Message.Length > 40, ex.Message);
        Assert.Equal(500L, console.Run("SELECT count(*) FROM mart_indicator").Rows[0][0]);
        Assert.False(File.Exists("/tmp/stolen.csv"));
    }

    [Fact]
    public void The_refusal_of_a_file_read_says_the_console_reads_only_the_snapshot()
    {
        using var console = Open();

        var ex = Assert.Throws<SqlRefusedException>(() => console.Run("SELECT * FROM read_csv('/etc/passwd')"));

        Assert.Contains("reads only the snapshot", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/etc/passwd", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM mart_indicator LIMIT 3", 3)]
    [InlineData("DESCRIBE mart_indicator", 6)]
    [InlineData("SHOW TABLES", 5)]
    [InlineData("SUMMARIZE mart_indicator", 6)]
    [InlineData("EXPLAIN SELECT * FROM mart_indicator", 1)]
    [InlineData("VALUES (1), (2)", 2)]
    [InlineData("SELECT 'a; b' AS text; -- trailing comment", 1)]
    public void Read_only_query_forms_run(string sql, int rows)
    {
        using var console = Open();

        Assert.Equal(rows, console.Run(sql).Rows.Count);
    }

    [Fact]
    public void A_syntax_error_is_DuckDBs_own_message()
    {
        using var console = Open();

        var ex = Assert.Throws<DuckDbException>(() => console.Run("SELEC 1"));

        Assert.Contains("syntax error", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_query_that_runs_for_ever_is_stopped_at_its_time_limit()
    {
        using var console = Open(new SqlConsoleOptions { Timeout = TimeSpan.FromSeconds(1) });
        var stopwatch = Stopwatch.StartNew();

        var ex = Assert.Throws<TimeoutException>(() => console.Run("SELECT count(*) FROM range(1000000000000) a"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"stopped after {stopwatch.Elapsed}");
        Assert.Contains("time limit of 1 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, console.Run("SELECT 1").Rows[0][0]);
    }

    [Fact]
    public void A_huge_result_is_capped_and_flagged()
    {
        using var console = Open(new SqlConsoleOptions { MaxRows = 1000 });

        var huge = console.Run("SELECT * FROM range(1000000000)");
        var exact = console.Run("SELECT * FROM range(1000)");

        Assert.Equal(1000, huge.Rows.Count);
        Assert.True(huge.Truncated);
        Assert.Equal(999L, huge.Rows[^1][0]);
        Assert.Equal(1000, exact.Rows.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public void Tables_and_Describe_show_comments()
    {
        using var console = Open();

        var tables = console.Tables();
        var columns = console.Describe("mart_indicator");

        Assert.Contains(tables.Rows, r => (string)r[0]! == "mart_indicator" && (string)r[1]! == "table" && (string)r[3]! == "Indicator values 指标");
        Assert.Contains(tables.Rows, r => (string)r[0]! == "mart_latest" && (string)r[1]! == "view");
        Assert.Contains(columns.Rows, r => (string)r[0]! == "value" && (string)r[3]! == "The indicator value");
        Assert.Empty(console.Describe("no_such_table").Rows);
    }

    [Fact]
    public void ExportParquet_writes_the_whole_result_and_only_the_named_file()
    {
        using var console = Open(new SqlConsoleOptions { MaxRows = 10 });
        var target = _temp.PathOf("out/result.parquet");

        var rows = console.ExportParquet("SELECT * FROM mart_indicator WHERE year = 2020 -- the year", target);

        Assert.Equal(100L, rows);
        using var check = new DuckDbConnection("Data Source=:memory:");
        check.Open();
        Assert.Equal(100L, TinyBuilds.Scalar(check, $"SELECT count(*) FROM read_parquet('{target}')"));
        Assert.Equal(["result.parquet"], Directory.EnumerateFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_ExportParquet_leaves_an_existing_file_untouched_and_no_partial_file()
    {
        using var console = Open();
        var target = _temp.PathOf("result.parquet");
        File.WriteAllText(target, "previous");

        Assert.Throws<SqlRefusedException>(() => console.ExportParquet("SELECT * FROM read_csv('/etc/passwd')", target));
        Assert.Throws<SqlRefusedException>(() => console.ExportParquet("DROP TABLE mart_indicator", target));

        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["result.parquet"], Directory.EnumerateFiles(_temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Csv_and_json_render_values_invariantly()
    {
        using var console = Open();
        var result = console.Run("SELECT 1.5::DECIMAL(4,2) AS d, DATE '2020-01-31' AS day, 'a,\"b\"' AS text, NULL AS nothing, [1, 2] AS list");

        var csv = new StringWriter();
        ResultCsv.Write(result, csv);
        using var json = new MemoryStream();
        ResultJson.Write(result, json);

        Assert.Equal("d,day,text,nothing,list\r\n1.50,2020-01-31,\"a,\"\"b\"\"\",,\"[1, 2]\"\r\n", csv.ToString());
        Assert.Equal(
            """{"columns":[{"name":"d","type":"DECIMAL(4,2)"},{"name":"day","type":"DATE"},{"name":"text","type":"VARCHAR"},{"name":"nothing","type":"INTEGER"},{"name":"list","type":"INTEGER[]"}],"rows":[[1.50,"2020-01-31","a,\"b\"",null,[1,2]]],"truncated":false}""",
            Encoding.UTF8.GetString(json.ToArray()));
    }
}

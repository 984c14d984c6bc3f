using System.Diagnostics;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

/// <summary>Analysts' SQL in worker processes: results, refusals, limits, and containment when a worker dies.</summary>
public sealed class SqlWorkerPoolTests(PoolFixture fixture) : IClassFixture<PoolFixture>
{
    /// <summary>A query that runs until stopped.</summary>
    private const string Forever = "SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3";

    [Fact]
    public void A_query_runs_in_a_worker_process_and_returns_its_columns_and_rows()
    {
        var run = fixture.Table("SELECT indicator_id, year, value FROM mart_indicator WHERE year = 2020 ORDER BY value LIMIT 3");

        Assert.Null(run.Problem);
        Assert.NotEqual(Environment.ProcessId, run.Worker);
        Assert.Equal([new ResultColumn("indicator_id", "VARCHAR"), new ResultColumn("year", "INTEGER"), new ResultColumn("value", "DOUBLE")], run.Columns);
        Assert.Equal([["CQ-TECH-SME", "2020", "2"], ["YY-POLING", "2020", "7"], ["CQ-TECH-SME", "2020", "12"]], run.Table!.Rows);
        Assert.Equal(Truncation.None, run.Truncation);
    }

    [Theory]
    [InlineData("SELECT * FROM enable_logging(storage='file', storage_path='/proc/nowhere', level='trace')", SqlRefusal.Function)]
    [InlineData("SELECT * FROM enable_profiling()", SqlRefusal.Function)]
    [InlineData("SELECT * FROM duckdb_logs()", SqlRefusal.Function)]
    [InlineData("SELECT current_setting('temp_directory')", SqlRefusal.Function)]
    [InlineData("FROM duckdb_databases", SqlRefusal.SystemView)]
    [InlineData("EXPLAIN (ANALYZE) COPY mart_indicator TO '/tmp/leak.csv'", SqlRefusal.Explain)]
    [InlineData("CREATE TABLE t AS SELECT 1", SqlRefusal.Write)]
    [InlineData("SELECT 1; SELECT 2", SqlRefusal.SeveralStatements)]
    public void Hostile_statements_are_refused_and_the_workers_go_on_answering(string sql, SqlRefusal reason)
    {
        var run = fixture.Table(sql);

        Assert.Equal(SqlProblemKind.Refused, run.Problem?.Kind);
        Assert.Equal(reason, run.Problem!.Refusal);
        Assert.Null(run.Problem.Detail);
        Assert.Equal("1", fixture.Table("SELECT 1").Table!.Rows[0][0]);
        Assert.False(File.Exists("/tmp/leak.csv"));
    }

    [Fact]
    public void A_file_read_by_name_is_refused_by_the_engine_without_a_server_path_in_the_answer()
    {
        var run = fixture.Table("SELECT * FROM 'secrets.csv'");

        Assert.Equal(SqlRefusal.FileAccess, run.Problem?.Refusal);
        Assert.DoesNotContain(fixture.Folder, run.Problem!.Detail ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(fixture.Snapshot)!, run.Problem.Message(false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_error_is_DuckDBs_message_without_the_snapshots_folder()
    {
        var run = fixture.Table("SELECT no_such_column FROM mart_indicator");

        Assert.Equal(SqlProblemKind.Query, run.Problem?.Kind);
        Assert.Contains("no_such_column", run.Problem!.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Folder, run.Problem.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_past_its_time_limit_is_stopped_and_the_next_one_runs()
    {
        var run = fixture.Table(Forever, timeoutSeconds: 1);

        Assert.Equal(SqlProblemKind.TimedOut, run.Problem?.Kind);
        Assert.Equal("1", run.Problem!.Subject);
        Assert.Equal("1", fixture.Table("SELECT 1").Table!.Rows[0][0]);
    }

    [Fact]
    public async Task A_worker_killed_mid_query_fails_only_that_query_and_is_replaced()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 2 });
        var doomed = Task.Run(() => fixture.Table(Forever, pool, timeoutSeconds: 60));
        var pid = WaitForBusyWorker(pool);

        Process.GetProcessById(pid).Kill();
        var run = await doomed;

        Assert.Equal(SqlProblemKind.WorkerFailed, run.Problem?.Kind);
        Assert.Equal(pid, run.Worker);
        for (var i = 0; i < 4; i++)
        {
            var next = fixture.Table("SELECT count(*) FROM mart_indicator", pool);
            Assert.Equal(TestSnapshot.MartRows.ToString(System.Globalization.CultureInfo.InvariantCulture), next.Table!.Rows[0][0]);
            Assert.NotEqual(pid, next.Worker);
        }

        Assert.True(WaitFor(() => pool.WorkerIds.Count == 2 && !pool.WorkerIds.Contains(pid)), string.Join(",", pool.WorkerIds));
    }

    [Fact]
    public void Workers_killed_while_idle_cost_no_query()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 2 });
        Assert.True(WaitFor(() => pool.WorkerIds.Count == 2), "the workers did not start");

        // Killed with no query (the kernel's OOM killer, an operator): the next query goes to a live worker or a new one.
        foreach (var pid in pool.WorkerIds)
        {
            Process.GetProcessById(pid).Kill();
        }

        var run = fixture.Table("SELECT 42 AS answer", pool);
        Assert.Null(run.Problem);
        Assert.Equal("42", run.Table!.Rows[0][0]);
    }

    [Fact]
    public async Task A_worker_that_aborts_natively_gives_a_clear_problem_and_the_others_go_on()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 2, CrashHook = true });
        var busy = Task.Run(() => fixture.Table("SELECT count(*) FROM range(2000000000)", pool, timeoutSeconds: 60));
        Assert.True(WaitFor(() => pool.BusyWorkerIds.Count > 0), "no worker took the query");

        // What "terminate called after throwing an instance of …" does: abort() inside the worker.
        var crashed = fixture.Table(Analytics.Snapshots.Worker.WorkerMain.CrashQuery, pool);

        Assert.Equal(SqlProblemKind.WorkerFailed, crashed.Problem?.Kind);
        Assert.Null((await busy).Problem);
        Assert.Equal("2", fixture.Table("SELECT 2 AS two", pool).Table!.Rows[0][0]);
        Assert.Contains(fixture.Log, l => l.Contains(crashed.Worker!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eight_queries_at_once_one_hostile_the_seven_others_complete()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 2 });
        var hostile = Task.Run(() => fixture.Table(Forever, pool, timeoutSeconds: 3));
        var others = Enumerable.Range(1, 7).Select(i => Task.Run(() => fixture.Table($"SELECT {i} AS n, count(*) AS c FROM mart_indicator", pool))).ToArray();

        var results = await Task.WhenAll(others);

        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(r => r.Table!.Rows[0][0]));
        Assert.Equal(SqlProblemKind.TimedOut, (await hostile).Problem?.Kind);
    }

    [Fact]
    public void A_huge_string_stops_at_the_byte_cap_in_a_file_and_is_shortened_on_screen()
    {
        var (file, path) = fixture.ToFile("SELECT repeat('x', 20000000) AS s", ResultFormat.Csv, maxBytes: 1_000_000);
        var shown = fixture.Table("SELECT repeat('x', 20000000) AS s", cellChars: 100);

        Assert.Null(file.Problem);
        Assert.Equal(Truncation.Bytes, file.Truncation);
        Assert.Equal(0, file.Rows);
        Assert.Equal("s\r\n", File.ReadAllText(path));
        Assert.Null(shown.Problem?.Detail);
        Assert.Equal(new string('x', 99) + "…", shown.Table!.Rows[0][0]);
        Assert.True(shown.Table.CellsCut);
        File.Delete(path);
    }

    [Fact]
    public void Many_wide_rows_stop_at_the_byte_cap_of_a_page_and_of_a_download()
    {
        const string Wide = "SELECT range, repeat('y', 20000) AS s FROM range(5000)";
        var page = fixture.Table(Wide, maxBytes: 1_000_000, cellChars: 10_000);
        var (download, path) = fixture.ToFile(Wide, ResultFormat.Csv, maxBytes: 5_000_000);

        Assert.Null(page.Problem);
        Assert.Equal(Truncation.Bytes, page.Truncation);
        Assert.InRange(page.Rows, 90, 100);
        Assert.InRange(page.Bytes, 900_000, 1_000_000);
        Assert.Null(download.Problem);
        Assert.Equal(Truncation.Bytes, download.Truncation);
        Assert.InRange(download.Rows, 245, 250);
        Assert.InRange(new FileInfo(path).Length, 4_900_000, 5_000_000);
        File.Delete(path);
    }

    [Fact]
    public void A_spilling_sort_is_stopped_at_its_temporary_disk_budget()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 1, MemoryLimit = "64MB", TempBudget = "16MB" });

        var run = fixture.Table(
            "SELECT s FROM (SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) || md5((range + 2)::VARCHAR) AS s FROM range(3000000)) ORDER BY s OFFSET 2999999",
            pool, timeoutSeconds: 120);

        Assert.Equal(SqlProblemKind.TempLimit, run.Problem?.Kind);
        Assert.Equal("16MB", run.Problem!.Subject);
        Assert.Equal("1", fixture.Table("SELECT 1", pool).Table!.Rows[0][0]);
    }

    [Fact]
    public void A_query_past_its_memory_limit_says_so()
    {
        using var pool = fixture.NewPool(new SqlWorkerPoolOptions { Workers = 1, MemoryLimit = "64MB" });

        var run = fixture.Table("SELECT list(range) FROM range(50000000)", pool);

        Assert.Equal(SqlProblemKind.MemoryLimit, run.Problem?.Kind);
        Assert.Contains("Out of Memory", run.Problem!.Detail, StringComparison.Ordinal);
        Assert.Equal("1", fixture.Table("SELECT 1", pool).Table!.Rows[0][0]);
    }

    [Fact]
    public void Parquet_is_written_whole_by_DuckDB_and_not_at_all_past_its_byte_cap()
    {
        var (written, path) = fixture.ToFile("SELECT * FROM mart_indicator", ResultFormat.Parquet);
        var (tooLarge, tooLargePath) = fixture.ToFile("SELECT md5(range::VARCHAR) AS s FROM range(2000000)", ResultFormat.Parquet, maxBytes: 100_000);

        Assert.Null(written.Problem);
        Assert.Equal(TestSnapshot.MartRows, written.Rows);
        Assert.Equal((long)TestSnapshot.MartRows, TestSnapshot.Scalar(fixture.Snapshot, "SELECT count(*) FROM mart_indicator"));
        Assert.True(new FileInfo(path).Length > 0);
        Assert.Equal(SqlProblemKind.TooLarge, tooLarge.Problem?.Kind);
        Assert.False(File.Exists(tooLargePath));
        File.Delete(path);
    }

    [Fact]
    public void A_text_with_a_NUL_never_reaches_a_worker()
    {
        var run = fixture.Table("SELECT 1\0; DROP TABLE mart_indicator");

        Assert.Equal(SqlRefusal.InvalidText, run.Problem?.Refusal);
        Assert.Null(run.Worker);
    }

    private static int WaitForBusyWorker(SqlWorkerPool pool)
    {
        Assert.True(WaitFor(() => pool.BusyWorkerIds.Count > 0), "no worker took the query");
        Thread.Sleep(300);
        return pool.BusyWorkerIds.Single();
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return false;
    }
}

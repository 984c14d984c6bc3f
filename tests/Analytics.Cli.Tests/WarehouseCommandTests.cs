using Analytics.Cli.Tests.Support;
using Analytics.DuckDb;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Cli.Tests;

/// <summary><c>analytics build</c>, <c>sql</c>, <c>docs</c> and <c>targets</c> run in-process against a small stand-in builder: exit codes and outputs.</summary>
public sealed class WarehouseCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-cli-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The builder this test's runs build with: <see cref="SmallWarehouse"/> unless a test swaps it.</summary>
    private WarehouseBuilderFunc _builder = SmallWarehouse;

    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public WarehouseCommandTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        this.output = output;
        Directory.CreateDirectory(Path.Combine(_root, "lake", "load=20250101-aaaa"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One mart of 30 rows with the readers' contract columns (the ones given here with values, the rest empty) and its comments.</summary>
    private static BuildResult SmallWarehouse(DuckDbConnection connection, BuildInputs inputs, IProgress<string>? progress, CancellationToken token)
    {
        var values = new Dictionary<string, string>
        {
            ["indicator_id"] = "'YY2020-01'", ["plan"] = "'YY2020'", ["year"] = "2020 + (range % 3)::INTEGER", ["district_code"] = "'430602'",
            ["industry_group"] = "'ALL'", ["size_class"] = "'ALL'", ["value"] = "range::DOUBLE", ["small_cell"] = "false",
        };
        var columns = string.Join(", ", Analytics.Snapshots.MartContract.ColumnNames.Select(c => (values.TryGetValue(c, out var v) ? v : "NULL") + " AS " + c));
        using var command = connection.CreateCommand($"""
            CREATE TABLE mart_indicator AS SELECT {columns} FROM range(30);
            COMMENT ON TABLE mart_indicator IS 'Indicator values by plan, year and district.';
            COMMENT ON COLUMN mart_indicator.value IS 'The indicator''s value';
            """);
        command.ExecuteNonQuery();
        return new BuildResult(["20250101-aaaa"], new Dictionary<string, long> { ["mart_indicator"] = 30 });
    }

    private string Snapshots => Path.Combine(_root, "snapshots");

    private Task<CommandRun> Run(params string[] args) => CommandRun.InvokeAsync(args, _builder);

    private Task<CommandRun> Build() => Run("build", "--lake", Path.Combine(_root, "lake"), "--snapshots", Snapshots);

    [Fact]
    public async Task Targets_set_records_a_version_that_list_and_history_show_and_the_next_build_reads()
    {
        var set = await Run("targets", "set", "YY-POLING", "--year", "2022", "--value", "60", "--source", "调整通知 第2条",
            "--reason", "中期调整", "--by", "li.admin", "--snapshots", Snapshots);
        Assert.Equal(ExitCodes.Ok, set.ExitCode);
        Assert.Contains("version 2", set.Output, StringComparison.Ordinal);

        var history = await Run("targets", "history", "YY-POLING", "--snapshots", Snapshots);
        Assert.Equal(ExitCodes.Ok, history.ExitCode);
        Assert.Contains("li.admin", history.Output, StringComparison.Ordinal);
        Assert.Contains("city 2022: >= 60", history.Output, StringComparison.Ordinal);

        BuildInputs? seen = null;
        _builder = (connection, inputs, progress, token) =>
        {
            seen = inputs;
            return SmallWarehouse(connection, inputs, progress, token);
        };
        Assert.Equal(ExitCodes.Ok, (await Build()).ExitCode);
        Assert.Equal(Path.Combine(Snapshots, "target-revisions.jsonl"), seen!.TargetRevisions);
    }

    [Fact]
    public async Task Targets_set_refuses_a_wrong_target_with_exit_2_and_a_corrupt_file_with_exit_3()
    {
        var wrong = await Run("targets", "set", "CQ-IT-ADOPT", "--scope", "every_cell", "--year", "2015", "--value", "45", "--source", "x", "--snapshots", Snapshots);
        Assert.Equal(ExitCodes.Usage, wrong.ExitCode);
        Assert.Contains("between 0 and 1", wrong.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Snapshots, "target-revisions.jsonl")));

        Directory.CreateDirectory(Snapshots);
        File.WriteAllText(Path.Combine(Snapshots, "target-revisions.jsonl"), "{oops\n");
        var corrupt = await Run("targets", "list", "--snapshots", Snapshots);
        Assert.Equal(ExitCodes.InputRefused, corrupt.ExitCode);
        Assert.Contains("target-revisions.jsonl line 1", corrupt.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_publishes_a_snapshot_and_prints_its_lineage()
    {
        var run = await Build();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var current = new SnapshotStore(Snapshots).Current!;
        Assert.Equal(["20250101-aaaa"], current.BatchIds);
        Assert.Contains(current.Name, run.Output, StringComparison.Ordinal);
        Assert.Contains("mart_indicator.parquet", current.Exports);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task Build_progress_on_a_console_that_cannot_redraw_is_one_plain_line_per_step()
    {
        var run = await Build();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[\d\d:\d\d:\d\d\] Building: Rewriting mart_indicator in series order\s*$"));
        Assert.Single(lines, l => l.Contains("] Published snapshot ", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task Build_from_an_empty_lake_exits_2_and_says_to_load_first()
    {
        var run = await Run("build", "--lake", Path.Combine(_root, "empty-lake"), "--snapshots", Snapshots);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("analytics load", run.Errors, StringComparison.Ordinal);
        Assert.Null(new SnapshotStore(Snapshots).Current);
    }

    [Fact]
    public async Task A_failing_build_exits_1_and_leaves_the_previous_snapshot_current()
    {
        Assert.Equal(ExitCodes.Ok, (await Build()).ExitCode);
        var before = new SnapshotStore(Snapshots).Current!.Name;
        _builder = (connection, _, _, _) =>
        {
            using var command = connection.CreateCommand("SELECT * FROM no_such_table");
            command.ExecuteNonQuery();
            return new BuildResult([], new Dictionary<string, long>());
        };

        var run = await Build();

        Assert.Equal(ExitCodes.Unexpected, run.ExitCode);
        Assert.Equal(before, new SnapshotStore(Snapshots).Current!.Name);
        Assert.Contains("nothing was published", run.Errors, StringComparison.Ordinal);
        Assert.Contains("no_such_table", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_prints_csv_to_standard_output()
    {
        await Build();

        var run = await Run("sql", "SELECT year, count(*) AS n FROM mart_indicator GROUP BY year ORDER BY year", "--snapshot", Snapshots, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("year,n\r\n2020,10\r\n2021,10\r\n2022,10\r\n", run.Output);
    }

    [Fact]
    public async Task Sql_prints_a_table_and_warns_when_the_cap_cuts_the_result()
    {
        await Build();

        var run = await Run("sql", "SELECT * FROM mart_indicator ORDER BY value", "--snapshot", Snapshots, "--max-rows", "5");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("indicator_id", run.Output, StringComparison.Ordinal);
        Assert.Contains("first 5 rows", run.Output, StringComparison.Ordinal);
        Assert.Contains("row cap (--max-rows 5)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DROP TABLE mart_indicator")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("INSTALL httpfs")]
    [InlineData("SELECT * FROM enable_logging(storage='file', storage_path='/proc/nowhere', level='trace')")]
    [InlineData("SELECT * FROM enable_profiling()")]
    [InlineData("EXPLAIN (ANALYZE) COPY mart_indicator TO '/tmp/leak.csv'")]
    [InlineData("SELECT current_setting('temp_directory')")]
    public async Task Sql_refuses_anything_but_one_read_only_query_with_exit_7(string sql)
    {
        await Build();

        var run = await Run("sql", sql, "--snapshot", Snapshots);

        var said = run.Output + run.Errors;
        Assert.Equal(ExitCodes.SqlRefused, run.ExitCode);
        Assert.Contains("refused:", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, said, StringComparison.Ordinal);
        Assert.DoesNotContain("INTERNAL", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_writes_every_query_to_the_audit_log_beside_the_snapshots_before_and_after_it_runs()
    {
        await Build();

        await Run("sql", "SELECT 42 AS answer", "--snapshot", Snapshots, "--format", "csv");
        await Run("sql", "DROP TABLE mart_indicator", "--snapshot", Snapshots);

        var lines = File.ReadAllLines(Path.Combine(_root, "logs", "sql-audit.jsonl"));
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"event\":\"start\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("SELECT 42 AS answer", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"via\":\"cli\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"ok\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("DROP TABLE mart_indicator", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"refused:write\"", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_refuses_text_with_a_NUL_before_any_engine_sees_it_and_audits_the_refusal()
    {
        await Build();

        var run = await Run("sql", "SELECT 1\0; DROP TABLE mart_indicator", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.SqlRefused, run.ExitCode);
        Assert.Contains("\"outcome\":\"refused:invalid_text\"", File.ReadAllText(Path.Combine(_root, "logs", "sql-audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_refuses_a_table_written_to_a_file()
    {
        await Build();

        var run = await Run("sql", "SELECT 1", "--snapshot", Snapshots, "--format", "table", "--out", Path.Combine(_root, "t.txt"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Sql_csv_guards_formulas_like_every_csv_the_product_writes()
    {
        await Build();

        var run = await Run("sql", "SELECT '=HYPERLINK(\"http://x\")' AS a, '+1' AS b, '@x' AS c, '-x' AS d, -5 AS e", "--snapshot", Snapshots, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("a,b,c,d,e\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'@x,'-x,-5\r\n", run.Output);
    }

    [Fact]
    public async Task Sql_stops_a_huge_value_at_the_byte_cap_and_says_so_on_stderr()
    {
        await Build();

        var run = await Run("sql", "SELECT repeat('x', 50000000) AS s", "--snapshot", Snapshots, "--format", "csv", "--max-bytes", "100000");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("s\r\n", run.Output);
        Assert.Contains("size cap (--max-bytes 97.7 KB)", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_past_its_time_limit_exits_8()
    {
        await Build();

        var run = await Run("sql", "SELECT count(*) FROM range(1000000000000)", "--snapshot", Snapshots, "--timeout", "1");

        Assert.Equal(ExitCodes.QueryFailed, run.ExitCode);
        Assert.Contains("time limit of 1 s", run.Errors, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"timed_out\"", File.ReadAllText(Path.Combine(_root, "logs", "sql-audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_with_a_syntax_error_exits_8_with_DuckDBs_message()
    {
        await Build();

        var run = await Run("sql", "SELEC 1", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.QueryFailed, run.ExitCode);
        Assert.Contains("syntax error", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("error: DuckDB could not parse", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage\u0000{")]
    [InlineData("{\"snapshot\": 42}")]
    [InlineData("{\"snapshot\": \"bad\\u0000name.duckdb\"}")]
    public async Task Sql_with_a_garbage_current_json_exits_2_like_a_missing_one_and_names_the_file(string pointer)
    {
        Directory.CreateDirectory(Snapshots);
        var missing = await Run("sql", "SELECT 1", "--snapshot", Snapshots);
        File.WriteAllText(Path.Combine(Snapshots, "current.json"), pointer);

        var garbage = await Run("sql", "SELECT 1", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Equal(ExitCodes.Usage, garbage.ExitCode);
        Assert.StartsWith("error: ", garbage.Errors, StringComparison.Ordinal);
        Assert.Contains("current.json' is not a snapshot pointer", garbage.Errors, StringComparison.Ordinal);
        Assert.Contains("analytics build", garbage.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_refuses_with_exit_11_when_the_snapshot_disk_has_less_free_space_than_the_build_needs()
    {
        // A sparse 4 TiB file in the lake: the estimate (4x the lake) is beyond any test machine's disk.
        using (var huge = new FileStream(Path.Combine(_root, "lake", "load=20250101-aaaa", "huge.parquet"), FileMode.Create))
        {
            huge.SetLength(1L << 42);
        }

        var run = await Build();

        Assert.Equal(ExitCodes.NoSpace, run.ExitCode);
        Assert.StartsWith("error: not enough free space for the build", run.Errors, StringComparison.Ordinal);
        Assert.Contains(Snapshots, run.Errors, StringComparison.Ordinal);
        Assert.Null(new SnapshotStore(Snapshots).Current);
    }

    [Fact]
    public async Task A_build_that_fills_the_disk_exits_11_with_one_line_and_no_stack_trace()
    {
        // Room enough to pass the free-space check (32 MB for a tiny lake), not for this builder's 2 M rows of hashes.
        using var disk = SmallDisk.Mount(40 * 1024, out var whyNot);
        if (disk is null)
        {
            output.WriteLine("Skipped: " + whyNot);
            return;
        }

        _builder = (connection, inputs, progress, token) =>
        {
            using (var command = connection.CreateCommand("CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS s FROM range(2000000)"))
            {
                command.ExecuteNonQuery();
            }

            return SmallWarehouse(connection, inputs, progress, token);
        };
        var snapshots = Path.Combine(disk.Folder, "snapshots");
        var run = await Run("build", "--lake", Path.Combine(_root, "lake"), "--snapshots", snapshots);

        Assert.Equal(ExitCodes.NoSpace, run.ExitCode);
        var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no space left on the disk", line, StringComparison.Ordinal);
        Assert.Contains("previous snapshot current", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(snapshots, "current.json")));
    }

    [Fact]
    public async Task A_build_into_a_folder_it_may_not_write_exits_12_with_one_line()
    {
        Directory.CreateDirectory(Snapshots);
        using (SmallDisk.Deny(Snapshots))
        {
            var run = await Build();

            Assert.Equal(ExitCodes.PermissionDenied, run.ExitCode);
            var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: permission denied", line, StringComparison.Ordinal);
            Assert.Contains(Snapshots, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sql_without_a_published_snapshot_exits_2_and_says_to_build()
    {
        var run = await Run("sql", "SELECT 1", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("analytics build", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_reads_a_query_given_as_a_dash_from_standard_input()
    {
        await Build();

        var run = await CommandRun.InvokeAsync(["sql", "-", "--snapshot", Snapshots, "--format", "csv"], _builder, input: "SELECT 7 AS n");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("n\r\n7\r\n", run.Output);
    }

    [Fact]
    public async Task Sql_writes_parquet_to_out_and_refuses_parquet_without_out()
    {
        await Build();
        var target = Path.Combine(_root, "out", "years.parquet");

        Assert.Equal(ExitCodes.Ok, (await Run("sql", "SELECT DISTINCT year FROM mart_indicator", "--snapshot", Snapshots, "--out", target)).ExitCode);
        Assert.True(File.Exists(target));
        Assert.Equal(ExitCodes.Usage, (await Run("sql", "SELECT 1", "--snapshot", Snapshots, "--format", "parquet")).ExitCode);
    }

    [Fact]
    public async Task Sql_writes_an_arrow_stream_to_out_with_the_caps_and_refuses_arrow_to_the_terminal()
    {
        await Build();
        var target = Path.Combine(_root, "out", "values.arrow");
        const string sql = "SELECT i AS n, (i * 1.25)::DECIMAL(18,3) AS amount, '璧山区 ' || i AS name, DATE '2024-01-01' + i::INTEGER AS day FROM range(10) r(i)";

        var run = await Run("sql", sql, "--snapshot", Snapshots, "--out", target, "--max-rows", "4");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("(arrow)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--max-rows 4", run.Errors, StringComparison.Ordinal);
        using (var file = File.OpenRead(target))
        using (var arrow = new Apache.Arrow.Ipc.ArrowStreamReader(file))
        {
            using var batch = arrow.ReadNextRecordBatch();
            Assert.Equal(4, batch.Length);
            Assert.Null(arrow.ReadNextRecordBatch());
            Assert.Equal(3.75m, ((Apache.Arrow.Decimal128Array)batch.Column("amount")).GetValue(3));
            Assert.Equal("璧山区 3", ((Apache.Arrow.StringArray)batch.Column("name")).GetString(3));
            Assert.Equal(new DateOnly(2024, 1, 4), ((Apache.Arrow.Date32Array)batch.Column("day")).GetDateOnly(3));
        }

        var toTerminal = await Run("sql", "SELECT 1", "--snapshot", Snapshots, "--format", "arrow");
        Assert.Equal(ExitCodes.Usage, toTerminal.ExitCode);
        Assert.Contains("--out <file>.arrow", toTerminal.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_dictionary_writes_the_comments_as_markdown()
    {
        await Build();
        var target = Path.Combine(_root, "docs", "data-dictionary.md");

        Assert.Equal(ExitCodes.Ok, (await Run("docs", "dictionary", "--snapshot", Snapshots, "--out", target)).ExitCode);

        var markdown = File.ReadAllText(target);
        Assert.Contains("### mart_indicator", markdown, StringComparison.Ordinal);
        Assert.Contains("| `value` | DOUBLE | yes | The indicator's value |", markdown, StringComparison.Ordinal);
        Assert.Contains("snapshot_lineage", markdown, StringComparison.Ordinal);
    }
}

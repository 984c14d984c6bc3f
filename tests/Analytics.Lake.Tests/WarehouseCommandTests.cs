using System.CommandLine;
using Analytics.Cli;
using Analytics.DuckDb;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;
using Spectre.Console;

namespace Analytics.Lake.Tests;

/// <summary>Runs alone: Spectre.Console's console and the CLI's builder are process-wide, and AnalyticsCommandTests swaps the console too.</summary>
[CollectionDefinition(nameof(WarehouseCommandCollection), DisableParallelization = true)]
public sealed class WarehouseCommandCollection;

/// <summary><c>analytics build</c>, <c>sql</c> and <c>docs</c> run in-process against a small stand-in builder: exit codes and outputs.</summary>
[Collection(nameof(WarehouseCommandCollection))]
public sealed class WarehouseCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-cli-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly StringWriter _output = new();
    private readonly StringWriter _stdout = new();
    private readonly IAnsiConsole _original = AnsiConsole.Console;
    private readonly Func<DuckDbConnection, BuildInputs, IProgress<string>?, CancellationToken, BuildResult> _originalBuilder = WarehouseBuild.Builder;

    public WarehouseCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lake", "load=20250101-aaaa"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        AnsiConsole.Console = console;
        WarehouseBuild.Builder = (connection, lake, progress, token) =>
        {
            // The readers' contract columns, the ones given here with values and the rest empty.
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
        };
    }

    public void Dispose()
    {
        AnsiConsole.Console = _original;
        WarehouseBuild.Builder = _originalBuilder;
        _output.Dispose();
        _stdout.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Snapshots => Path.Combine(_root, "snapshots");

    private int Run(params string[] args) =>
        AnalyticsCommand.InvokeAsync(args, new InvocationConfiguration { Output = _stdout, Error = _output }).GetAwaiter().GetResult();

    private int Build() => Run("build", "--lake", Path.Combine(_root, "lake"), "--snapshots", Snapshots);

    [Fact]
    public void Targets_set_records_a_version_that_list_and_history_show_and_the_next_build_reads()
    {
        Assert.Equal(ExitCodes.Ok, Run("targets", "set", "YY-POLING", "--year", "2022", "--value", "60", "--source", "调整通知 第2条",
            "--reason", "中期调整", "--by", "li.admin", "--snapshots", Snapshots));
        Assert.Contains("version 2", _output.ToString(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, Run("targets", "history", "YY-POLING", "--snapshots", Snapshots));
        Assert.Contains("li.admin", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("city 2022: >= 60", _output.ToString(), StringComparison.Ordinal);

        BuildInputs? seen = null;
        var builder = WarehouseBuild.Builder;
        WarehouseBuild.Builder = (connection, inputs, progress, token) =>
        {
            seen = inputs;
            return builder(connection, inputs, progress, token);
        };
        Assert.Equal(ExitCodes.Ok, Build());
        Assert.Equal(Path.Combine(Snapshots, "target-revisions.jsonl"), seen!.TargetRevisions);
    }

    [Fact]
    public void Targets_set_refuses_a_wrong_target_with_exit_2_and_a_corrupt_file_with_exit_3()
    {
        Assert.Equal(ExitCodes.Usage, Run("targets", "set", "CQ-IT-ADOPT", "--scope", "every_cell", "--year", "2015", "--value", "45", "--source", "x", "--snapshots", Snapshots));
        Assert.Contains("between 0 and 1", _output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Snapshots, "target-revisions.jsonl")));

        Directory.CreateDirectory(Snapshots);
        File.WriteAllText(Path.Combine(Snapshots, "target-revisions.jsonl"), "{oops\n");
        Assert.Equal(ExitCodes.InputRefused, Run("targets", "list", "--snapshots", Snapshots));
        Assert.Contains("target-revisions.jsonl line 1", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_publishes_a_snapshot_and_prints_its_lineage()
    {
        Assert.Equal(ExitCodes.Ok, Build());

        var current = new SnapshotStore(Snapshots).Current!;
        Assert.Equal(["20250101-aaaa"], current.BatchIds);
        Assert.Contains(current.Name, _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("mart_indicator.parquet", current.Exports);
    }

    [Fact]
    public void Build_progress_on_a_console_that_cannot_redraw_is_one_plain_line_per_step()
    {
        Assert.Equal(ExitCodes.Ok, Build());

        var lines = _output.ToString().Split('\n');
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[\d\d:\d\d:\d\d\] Building: Rewriting mart_indicator in series order\s*$"));
        Assert.Single(lines, l => l.Contains("] Published snapshot ", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', _output.ToString());
    }

    [Fact]
    public void Build_from_an_empty_lake_exits_2_and_says_to_load_first()
    {
        var code = Run("build", "--lake", Path.Combine(_root, "empty-lake"), "--snapshots", Snapshots);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("analytics load", _output.ToString(), StringComparison.Ordinal);
        Assert.Null(new SnapshotStore(Snapshots).Current);
    }

    [Fact]
    public void A_failing_build_exits_1_and_leaves_the_previous_snapshot_current()
    {
        Assert.Equal(ExitCodes.Ok, Build());
        var before = new SnapshotStore(Snapshots).Current!.Name;
        WarehouseBuild.Builder = (connection, _, _, _) =>
        {
            using var command = connection.CreateCommand("SELECT * FROM no_such_table");
            command.ExecuteNonQuery();
            return new BuildResult([], new Dictionary<string, long>());
        };

        Assert.Equal(ExitCodes.Unexpected, Build());

        Assert.Equal(before, new SnapshotStore(Snapshots).Current!.Name);
        Assert.Contains("nothing was published", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("no_such_table", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_prints_csv_to_standard_output()
    {
        Build();

        var code = Run("sql", "SELECT year, count(*) AS n FROM mart_indicator GROUP BY year ORDER BY year", "--snapshot", Snapshots, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("year,n\r\n2020,10\r\n2021,10\r\n2022,10\r\n", _stdout.ToString());
    }

    [Fact]
    public void Sql_prints_a_table_and_warns_when_the_cap_cuts_the_result()
    {
        Build();

        var code = Run("sql", "SELECT * FROM mart_indicator ORDER BY value", "--snapshot", Snapshots, "--max-rows", "5");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("indicator_id", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("first 5 rows", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("row cap (--max-rows 5)", _output.ToString(), StringComparison.Ordinal);
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
    public void Sql_refuses_anything_but_one_read_only_query_with_exit_7(string sql)
    {
        Build();
        var before = _output.ToString().Length;

        var code = Run("sql", sql, "--snapshot", Snapshots);

        var said = _output.ToString()[before..];
        Assert.Equal(ExitCodes.SqlRefused, code);
        Assert.Contains("refused:", said, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, said, StringComparison.Ordinal);
        Assert.DoesNotContain("INTERNAL", said, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_writes_every_query_to_the_audit_log_beside_the_snapshots_before_and_after_it_runs()
    {
        Build();

        Run("sql", "SELECT 42 AS answer", "--snapshot", Snapshots, "--format", "csv");
        Run("sql", "DROP TABLE mart_indicator", "--snapshot", Snapshots);

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
    public void Sql_refuses_text_with_a_NUL_before_any_engine_sees_it_and_audits_the_refusal()
    {
        Build();

        var code = Run("sql", "SELECT 1\0; DROP TABLE mart_indicator", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.SqlRefused, code);
        Assert.Contains("\"outcome\":\"refused:invalid_text\"", File.ReadAllText(Path.Combine(_root, "logs", "sql-audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_refuses_a_table_written_to_a_file()
    {
        Build();

        Assert.Equal(ExitCodes.Usage, Run("sql", "SELECT 1", "--snapshot", Snapshots, "--format", "table", "--out", Path.Combine(_root, "t.txt")));
    }

    [Fact]
    public void Sql_csv_guards_formulas_like_every_csv_the_product_writes()
    {
        Build();

        var code = Run("sql", "SELECT '=HYPERLINK(\"http://x\")' AS a, '+1' AS b, '@x' AS c, '-x' AS d, -5 AS e", "--snapshot", Snapshots, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("a,b,c,d,e\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'@x,'-x,-5\r\n", _stdout.ToString());
    }

    [Fact]
    public void Sql_stops_a_huge_value_at_the_byte_cap_and_says_so()
    {
        Build();

        var code = Run("sql", "SELECT repeat('x', 50000000) AS s", "--snapshot", Snapshots, "--format", "csv", "--max-bytes", "100000");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("s\r\n", _stdout.ToString());
        Assert.Contains("size cap (--max-bytes 97.7 KB)", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_past_its_time_limit_exits_8()
    {
        Build();

        var code = Run("sql", "SELECT count(*) FROM range(1000000000000)", "--snapshot", Snapshots, "--timeout", "1");

        Assert.Equal(ExitCodes.QueryFailed, code);
        Assert.Contains("time limit of 1 s", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"timed_out\"", File.ReadAllText(Path.Combine(_root, "logs", "sql-audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_with_a_syntax_error_exits_8_with_DuckDBs_message()
    {
        Build();

        Assert.Equal(ExitCodes.QueryFailed, Run("sql", "SELEC 1", "--snapshot", Snapshots));
        Assert.Contains("syntax error", _output.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sql_without_a_published_snapshot_exits_2_and_says_to_build()
    {
        var code = Run("sql", "SELECT 1", "--snapshot", Snapshots);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("analytics build", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_writes_parquet_to_out_and_refuses_parquet_without_out()
    {
        Build();
        var target = Path.Combine(_root, "out", "years.parquet");

        Assert.Equal(ExitCodes.Ok, Run("sql", "SELECT DISTINCT year FROM mart_indicator", "--snapshot", Snapshots, "--out", target));
        Assert.True(File.Exists(target));
        Assert.Equal(ExitCodes.Usage, Run("sql", "SELECT 1", "--snapshot", Snapshots, "--format", "parquet"));
    }

    [Fact]
    public void Docs_dictionary_writes_the_comments_as_markdown()
    {
        Build();
        var target = Path.Combine(_root, "docs", "data-dictionary.md");

        Assert.Equal(ExitCodes.Ok, Run("docs", "dictionary", "--snapshot", Snapshots, "--out", target));

        var markdown = File.ReadAllText(target);
        Assert.Contains("### mart_indicator", markdown, StringComparison.Ordinal);
        Assert.Contains("| `value` | DOUBLE | yes | The indicator's value |", markdown, StringComparison.Ordinal);
        Assert.Contains("snapshot_lineage", markdown, StringComparison.Ordinal);
    }
}

using System.Text;
using System.Text.Json;
using Analytics.DuckDb;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Tests.Support;

namespace Analytics.Snapshots.Tests;

public sealed class ResultWriterTests : IDisposable
{
    private readonly DuckDbConnection _engine = TestSnapshot.Parser();

    public void Dispose() => _engine.Dispose();

    private (ResultSummary Summary, string Text) Write(string sql, ResultFormat format, int maxRows = 100, long maxBytes = 1 << 20, bool bom = false, int cellChars = 2000)
    {
        using var command = _engine.CreateCommand(sql);
        using var reader = (DuckDbDataReader)command.ExecuteReader();
        using var sink = new MemoryStream();
        var summary = ResultWriter.Write(reader, format, sink, new ResultCaps(maxRows, maxBytes, cellChars), bom, CancellationToken.None);
        Assert.Equal(sink.Length, summary.Bytes);
        return (summary, Encoding.UTF8.GetString(sink.ToArray()));
    }

    private const string Values = "SELECT 1.5::DECIMAL(4,2) AS d, DATE '2020-01-31' AS day, 'a,\"b\"' AS text, NULL::INTEGER AS nothing, [1, 2] AS list, 0.1 + 0.2 AS x, '岳阳' AS zh";

    [Fact]
    public void Csv_renders_values_invariantly_and_guards_formulas()
    {
        var (summary, csv) = Write(Values + " UNION ALL SELECT -2, NULL, '=cmd()', 3, [], -1.5, '@x'", ResultFormat.Csv);

        Assert.Equal(2, summary.Rows);
        Assert.Equal(
            "d,day,text,nothing,list,x,zh\r\n1.50,2020-01-31,\"a,\"\"b\"\"\",,\"[1, 2]\",0.3,岳阳\r\n-2.00,,'=cmd(),3,[],-1.5,'@x\r\n",
            csv);
    }

    [Fact]
    public void Csv_files_for_spreadsheets_start_with_a_byte_order_mark()
    {
        var (_, csv) = Write("SELECT 1 AS one", ResultFormat.Csv, bom: true);

        Assert.Equal("\uFEFFone\r\n1\r\n", csv);
    }

    [Fact]
    public void Json_keeps_numbers_numbers_and_says_whether_it_was_cut()
    {
        var (_, json) = Write(Values, ResultFormat.Json);

        Assert.Equal(
            """{"columns":[{"name":"d","type":"DECIMAL(4,2)"},{"name":"day","type":"DATE"},{"name":"text","type":"VARCHAR"},{"name":"nothing","type":"INTEGER"},{"name":"list","type":"INTEGER[]"},{"name":"x","type":"DECIMAL(3,1)"},{"name":"zh","type":"VARCHAR"}],"rows":[[1.50,"2020-01-31","a,\"b\"",null,[1,2],0.3,"岳阳"]],"truncated":false,"truncation":null}""",
            json);
    }

    [Fact]
    public void The_row_cap_cuts_and_says_so()
    {
        var (summary, json) = Write("SELECT * FROM range(1000000)", ResultFormat.Json, maxRows: 10);

        Assert.Equal(10, summary.Rows);
        Assert.Equal(Truncation.Rows, summary.Truncation);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(10, document.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal("rows", document.RootElement.GetProperty("truncation").GetString());
    }

    [Fact]
    public void A_huge_value_stops_at_the_byte_cap_before_it_is_read()
    {
        var (summary, csv) = Write("SELECT repeat('x', 20000000) AS s", ResultFormat.Csv, maxBytes: 10_000);

        Assert.Equal(0, summary.Rows);
        Assert.Equal(Truncation.Bytes, summary.Truncation);
        Assert.Equal("s\r\n", csv);
    }

    [Fact]
    public void Many_wide_rows_stop_at_the_byte_cap_and_the_result_stays_valid()
    {
        var (summary, json) = Write("SELECT range AS i, repeat('y', 100000) AS s FROM range(500)", ResultFormat.Json, maxRows: 1000, maxBytes: 1_000_000);

        Assert.Equal(Truncation.Bytes, summary.Truncation);
        Assert.InRange(summary.Rows, 5, 10);
        Assert.True(summary.Bytes <= 1_000_000, $"{summary.Bytes} bytes");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(summary.Rows, document.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void A_display_table_shortens_long_cells_and_reads_a_huge_one_only_as_far_as_it_shows()
    {
        var (summary, json) = Write("SELECT repeat('中', 5000000) AS s, 'short' AS t", ResultFormat.Table, cellChars: 20);

        Assert.Equal(1, summary.Rows);
        Assert.True(summary.CellsCut);
        using var document = JsonDocument.Parse(json);
        var row = document.RootElement.GetProperty("rows")[0];
        Assert.Equal(new string('中', 19) + "…", row[0].GetString());
        Assert.Equal("short", row[1].GetString());
        Assert.True(summary.Bytes < 1000, $"{summary.Bytes} bytes");
    }

    [Fact]
    public void Arrow_keeps_types_and_stops_at_the_row_cap()
    {
        using var command = _engine.CreateCommand("SELECT v.* FROM (" + Values + ") v, range(3)");
        using var reader = (DuckDbDataReader)command.ExecuteReader();
        using var sink = new MemoryStream();

        var summary = ResultWriter.Write(reader, ResultFormat.Arrow, sink, new ResultCaps(2, 1 << 20), false, CancellationToken.None);

        Assert.Equal((2L, Truncation.Rows, sink.Length), (summary.Rows, summary.Truncation, summary.Bytes));
        Assert.Equal("DECIMAL(4,2)", summary.Columns[0].Type);
        sink.Position = 0;
        using var arrow = new Apache.Arrow.Ipc.ArrowStreamReader(sink);
        using var batch = arrow.ReadNextRecordBatch();
        Assert.Equal(2, batch.Length);
        Assert.Equal(1.5m, ((Apache.Arrow.Decimal128Array)batch.Column("d")).GetValue(0));
        Assert.True(batch.Column("nothing").IsNull(1));
        Assert.Equal("岳阳", ((Apache.Arrow.StringArray)batch.Column("zh")).GetString(1));
    }

    [Fact]
    public void Arrow_stops_before_the_batch_that_would_pass_the_byte_cap()
    {
        using var command = _engine.CreateCommand("SELECT range AS i, repeat('y', 1000) AS s FROM range(100000)");
        using var reader = (DuckDbDataReader)command.ExecuteReader();
        using var sink = new MemoryStream();

        var summary = ResultWriter.Write(reader, ResultFormat.Arrow, sink, new ResultCaps(int.MaxValue, 5_000_000), false, CancellationToken.None);

        Assert.Equal(Truncation.Bytes, summary.Truncation);
        Assert.InRange(sink.Length, 1, 5_000_000);
        sink.Position = 0;
        using var arrow = new Apache.Arrow.Ipc.ArrowStreamReader(sink);
        long rows = 0;
        while (arrow.ReadNextRecordBatch() is { } batch)
        {
            rows += batch.Length;
            batch.Dispose();
        }

        Assert.Equal(summary.Rows, rows);
    }

    [Fact]
    public void The_deadline_covers_writing_the_result()
    {
        using var command = _engine.CreateCommand("SELECT * FROM range(10000000)");
        using var reader = (DuckDbDataReader)command.ExecuteReader();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ResultWriter.Write(reader, ResultFormat.Csv, Stream.Null, new ResultCaps(int.MaxValue, long.MaxValue), false, cancelled.Token));
    }
}

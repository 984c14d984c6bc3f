using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.DuckDb.Tests;

/// <summary>
/// Arrow export (issue 16, part 1): a result written as an Arrow IPC stream is read back with Apache.Arrow's own
/// <see cref="ArrowStreamReader"/> and compared, value by value, with what the provider's row reader gives for the same
/// query. Python with pyarrow is not available on this machine (no registry here serves pyarrow), so the stream is
/// checked with the C# Arrow reader only; it is the same IPC format pyarrow.ipc.open_stream reads.
/// </summary>
public sealed class ArrowExportTests
{
    private const string Mixed = """
        SELECT * FROM (VALUES
          (1::INTEGER, 2::BIGINT, 1.5::DOUBLE, 12345.678::DECIMAL(18,3), '重庆 璧山区 (CQ2013)', DATE '2024-02-29',
           TIMESTAMP '2024-02-29 13:45:01.123456', true, ['a', '重庆']::VARCHAR[]),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          (-7, -9223372036854775807, -0.25, -999999999999999.999, '', DATE '1970-01-01',
           TIMESTAMP '1900-01-01 00:00:00', false, []::VARCHAR[]),
          (2147483647, 0, 1e300, 0.001, 'x', DATE '9999-12-31', TIMESTAMP '2262-04-11 23:47:16', true, ['b', NULL])
        ) t(i32, i64, dbl, amount, txt, day, stamp, flag, tags)
        """;

    [Fact]
    public void Every_type_of_a_mixed_result_reads_back_equal_to_the_row_reader()
    {
        var (schema, rows) = WriteAndReadBack(Mixed);

        Assert.Equal(["i32", "i64", "dbl", "amount", "txt", "day", "stamp", "flag", "tags"], schema.FieldsList.Select(f => f.Name));
        var amount = Assert.IsType<Decimal128Type>(schema.GetFieldByName("amount").DataType);
        Assert.Equal((18, 3), (amount.Precision, amount.Scale));
        Assert.IsType<Date32Type>(schema.GetFieldByName("day").DataType);
        Assert.Equal(TimeUnit.Microsecond, Assert.IsType<TimestampType>(schema.GetFieldByName("stamp").DataType).Unit);
        Assert.IsType<StringType>(Assert.IsType<ListType>(schema.GetFieldByName("tags").DataType).ValueDataType);
        Assert.Equal(ReadRows(Mixed), rows);
        Assert.Equal(12345.678m, rows[0][3]);
        Assert.Equal("重庆 璧山区 (CQ2013)", rows[0][4]);
        Assert.All(rows[1], Assert.Null);
        Assert.Equal(new List<object?> { "b", null }, rows[3][8]);
    }

    [Fact]
    public void A_query_without_rows_writes_its_schema_and_no_batch()
    {
        var (schema, rows) = WriteAndReadBack(Mixed + " WHERE false");

        Assert.Equal(9, schema.FieldsList.Count);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_result_of_many_chunks_streams_one_batch_per_chunk_with_every_value()
    {
        const string sql = "SELECT i, (i * 0.125)::DECIMAL(18,3) AS amount, 'r' || i AS label, " +
                           "CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '2000-01-01' + i::INTEGER % 3000 END AS day FROM range(100000) r(i)";
        var batches = 0;
        var (_, rows) = WriteAndReadBack(sql, _ => batches++);

        Assert.Equal(100_000, rows.Count);
        Assert.True(batches >= 100_000 / 2048, $"{batches} batches");
        Assert.Equal(ReadRows(sql), rows);
    }

    [Fact]
    public void The_row_cap_cuts_inside_a_chunk_and_says_so()
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand("SELECT i FROM range(10000) r(i)").ExecuteReader();
        using var stream = new MemoryStream();

        var summary = DuckDbArrowStreamWriter.Write(reader, stream, maxRows: 3000);

        Assert.Equal((3000L, true, false), (summary.Rows, summary.CutAtRows, summary.CutAtBytes));
        Assert.Equal(stream.Length, summary.Bytes);
        stream.Position = 0;
        Assert.Equal(3000, ReadBack(stream).Rows.Count);
    }

    [Fact]
    public void The_row_cap_inside_the_last_chunk_is_a_cut()
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand("SELECT i FROM range(3) r(i)").ExecuteReader();

        var summary = DuckDbArrowStreamWriter.Write(reader, Stream.Null, maxRows: 2);

        Assert.Equal((2L, true), (summary.Rows, summary.CutAtRows));
    }

    [Fact]
    public void The_row_cap_equal_to_the_rows_is_no_cut()
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand("SELECT i FROM range(2048) r(i)").ExecuteReader();

        var summary = DuckDbArrowStreamWriter.Write(reader, Stream.Null, maxRows: 2048);

        Assert.Equal((2048L, false), (summary.Rows, summary.CutAtRows));
    }

    [Fact]
    public void The_byte_cap_leaves_out_the_batch_that_would_pass_it_and_the_stream_stays_readable()
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand("SELECT i, repeat('x', 100) AS t FROM range(100000) r(i)").ExecuteReader();
        using var stream = new MemoryStream();

        var summary = DuckDbArrowStreamWriter.Write(reader, stream, maxBytes: 1_000_000);

        Assert.True(summary.CutAtBytes);
        Assert.InRange(stream.Length, 1, 1_000_000);
        Assert.Equal(stream.Length, summary.Bytes);
        stream.Position = 0;
        var rows = ReadBack(stream).Rows;
        Assert.Equal(summary.Rows, rows.Count);
        Assert.True(rows.Count > 2048, $"{rows.Count} rows");
    }

    [Fact]
    public void Reading_as_arrow_after_reading_rows_is_refused_and_after_it_read_returns_false()
    {
        using var connection = Sql.OpenMemory();
        using (var reader = connection.CreateCommand("SELECT 1").ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Throws<InvalidOperationException>(() => reader.ReadArrow());
        }

        using (var reader = connection.CreateCommand("SELECT 1 AS a; SELECT 2 AS b").ExecuteReader())
        {
            using (var arrow = reader.ReadArrow())
            {
                using var batch = Assert.Single(arrow.ReadBatches().ToList());
                Assert.Equal(1, ((Int32Array)batch.Column(0)).GetValue(0));
            }

            Assert.False(reader.Read());
            Assert.True(reader.NextResult());
            Assert.True(reader.Read());
            Assert.Equal(2, reader.GetInt32(0));
        }
    }

    [Fact]
    public void An_error_while_the_result_streams_surfaces_from_the_export()
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand(
            "SELECT CASE WHEN i < 5000000 THEN i ELSE error('boom at ' || i) END AS v FROM range(10000000) r(i)").ExecuteReader();

        var error = Assert.ThrowsAny<Exception>(() => DuckDbArrowStreamWriter.Write(reader, Stream.Null));
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    private static (Schema Schema, List<List<object?>> Rows) WriteAndReadBack(string sql, Action<RecordBatch>? onBatch = null)
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand(sql).ExecuteReader();
        using var stream = new MemoryStream();
        var summary = DuckDbArrowStreamWriter.Write(reader, stream);
        Assert.Equal(stream.Length, summary.Bytes);
        stream.Position = 0;
        var read = ReadBack(stream, onBatch);
        Assert.Equal(summary.Rows, read.Rows.Count);
        return read;
    }

    private static (Schema Schema, List<List<object?>> Rows) ReadBack(Stream stream, Action<RecordBatch>? onBatch = null)
    {
        using var arrow = new ArrowStreamReader(stream);
        var rows = new List<List<object?>>();
        while (arrow.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                onBatch?.Invoke(batch);
                for (var r = 0; r < batch.Length; r++)
                {
                    rows.Add(batch.Arrays.Select(a => ArrowValues.Get(a, r)).ToList());
                }
            }
        }

        return (arrow.Schema, rows);
    }

    private static List<List<object?>> ReadRows(string sql)
    {
        using var connection = Sql.OpenMemory();
        using var reader = connection.CreateCommand(sql).ExecuteReader();
        var rows = new List<List<object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => ArrowValues.FromReader(reader, i)).ToList());
        }

        return rows;
    }
}

using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Tests;

public sealed class AppenderTests
{
    private const string AllTypes =
        "CREATE TABLE a (b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT, u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, " +
        "u64 UBIGINT, i128 HUGEINT, f32 FLOAT, f64 DOUBLE, d4 DECIMAL(4,1), d9 DECIMAL(9,4), d18 DECIMAL(18,2), d38 DECIMAL(38,10), " +
        "s VARCHAR, bl BLOB, d DATE, t TIME, ts TIMESTAMP, tstz TIMESTAMPTZ, ts_s TIMESTAMP_S, ts_ms TIMESTAMP_MS, ts_ns TIMESTAMP_NS, " +
        "iv INTERVAL, u UUID)";

    private static readonly object[] Highs =
    [
        true, sbyte.MaxValue, short.MaxValue, int.MaxValue, long.MaxValue, byte.MaxValue, ushort.MaxValue, uint.MaxValue,
        ulong.MaxValue, Int128.MaxValue, float.MaxValue, double.MaxValue, 999.9m, 99999.9999m, 9999999999999999.99m,
        999999999999999999.9999999999m, "重庆市璧山区璧泉街道 — a long value", new byte[] { 1, 2, 3, 255 },
        new DateOnly(9999, 12, 31), new TimeOnly(23, 59, 59, 999, 999), new DateTime(9999, 12, 31, 23, 59, 59, 999, 999),
        new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 2, 3, 4, 5),
        new DateTime(2024, 1, 2, 3, 4, 5, 678), new DateTime(2024, 1, 2, 3, 4, 5, 678, 901).AddTicks(2),
        new DuckDbInterval(14, 3, 4_000_005), Guid.Parse("ffffffff-ffff-ffff-ffff-fffffffffffe"),
    ];

    private static readonly object[] Lows =
    [
        false, sbyte.MinValue, short.MinValue, int.MinValue, long.MinValue, byte.MinValue, ushort.MinValue, uint.MinValue,
        ulong.MinValue, Int128.MinValue, float.MinValue, double.MinValue, -999.9m, -99999.9999m, -9999999999999999.99m,
        -0.0000000001m, "", Array.Empty<byte>(), new DateOnly(1, 1, 1), TimeOnly.MinValue, new DateTime(1, 1, 1),
        new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc), new DateTime(1969, 12, 31, 23, 59, 59),
        new DateTime(1969, 12, 31, 23, 59, 59, 1), new DateTime(1700, 1, 1).AddTicks(1),
        new DuckDbInterval(-1, -2, -3), Guid.Empty,
    ];

    [Fact]
    public void Every_common_column_type_round_trips_including_nulls()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute(AllTypes);
        using (var appender = connection.CreateAppender("a"))
        {
            Assert.Equal(Highs.Length, appender.ColumnCount);
            Assert.Equal("DECIMAL(38,10)", appender.ColumnTypes[15]);
            appender.AppendRow(Highs);
            appender.AppendRow(Lows);
            var row = appender.CreateRow();
            for (var i = 0; i < appender.ColumnCount; i++)
            {
                row = row.AppendNull();
            }

            row.EndRow();
            Assert.Equal(3, appender.RowCount);
        }

        using var command = connection.CreateCommand("SELECT * FROM a");
        using var reader = command.ExecuteReader();
        foreach (var expected in new[] { Highs, Lows })
        {
            Assert.True(reader.Read());
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], reader.GetValue(i));
            }
        }

        Assert.True(reader.Read());
        Assert.All(Enumerable.Range(0, reader.FieldCount), i => Assert.True(reader.IsDBNull(i)));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Typed_appends_without_boxing_read_back_with_DuckDBs_text()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id BIGINT, amount DECIMAL(18,2), name VARCHAR, day DATE, at_local TIMESTAMP, at_tz TIMESTAMPTZ, span INTERVAL, ok BOOLEAN, score DOUBLE)");
        using (var appender = connection.CreateAppender("t"))
        {
            appender.CreateRow().Append(1L).Append(12.5m).Append("重庆").Append(new DateOnly(2024, 1, 2))
                .Append(new DateTime(2024, 1, 2, 3, 4, 5)).Append(new DateTimeOffset(2024, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)))
                .Append(TimeSpan.FromHours(36)).Append(true).Append(0.25).EndRow();
            appender.CreateRow().Append((long?)null).Append((decimal?)null).Append((string?)null).Append((DateOnly?)null)
                .Append((DateTime?)null).Append((DateTimeOffset?)null).Append((TimeSpan?)null).Append((bool?)null).Append((double?)null).EndRow();
        }

        using var r = connection.ReadRow(
            "SELECT id::VARCHAR, amount::VARCHAR, name, day::VARCHAR, at_local::VARCHAR, epoch_us(at_tz), span::VARCHAR, ok::VARCHAR, score::VARCHAR FROM t WHERE id IS NOT NULL");
        Assert.Equal(["1", "12.50", "重庆", "2024-01-02", "2024-01-02 03:04:05", "1 day 12:00:00", "true", "0.25"],
            new[] { 0, 1, 2, 3, 4, 6, 7, 8 }.Select(r.GetString));
        Assert.Equal((long)(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMicroseconds, r.GetInt64(5));
        r.Dispose();
        Assert.Equal(1L, connection.Scalar("SELECT count(*) FROM t WHERE id IS NULL AND amount IS NULL AND name IS NULL AND day IS NULL AND at_local IS NULL AND at_tz IS NULL AND span IS NULL AND ok IS NULL AND score IS NULL"));
    }

    [Fact]
    public void Large_decimals_fill_the_whole_width_of_a_38_digit_column()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (d DECIMAL(38,10), e DECIMAL(38,0))");
        var values = new[] { 12345678901234567890.5m, -999999999999999999999999999.9m, 79228162514264337593543950335m };
        using (var appender = connection.CreateAppender("t"))
        {
            appender.AppendRow(values[0], values[2]);
            appender.AppendRow(values[1], -values[2]);
        }

        using var command = connection.CreateCommand("SELECT d, d::VARCHAR, e FROM t");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(values[0], reader.GetDecimal(0));
        Assert.Equal("12345678901234567890.5000000000", reader.GetString(1));
        Assert.Equal(values[2], reader.GetDecimal(2));
        Assert.True(reader.Read());
        Assert.Equal(values[1], reader.GetDecimal(0));
        Assert.Equal(-values[2], reader.GetDecimal(2));
    }

    [Fact]
    public void A_decimal_column_with_more_places_than_System_Decimal_takes_values_exactly()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (d DECIMAL(38,30))");
        using (var appender = connection.CreateAppender("t"))
        {
            appender.AppendRow(0.0000000000000000000000000001m);
            appender.AppendRow(-12.5m);
            Assert.Throws<OverflowException>(() => appender.AppendRow(1000000000m));
        }

        Assert.Equal("0.000000000000000000000000000100,-12.500000000000000000000000000000", connection.Scalar("SELECT string_agg(d::VARCHAR, ',' ORDER BY d DESC) FROM t"));
    }

    [Fact]
    public void More_rows_than_a_chunk_holds_are_all_appended()
    {
        const int rows = 5000;
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER, name VARCHAR, score DOUBLE)");
        using (var appender = connection.CreateAppender("t"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.CreateRow().Append(i).Append(i % 2 == 0 ? "短" + i : "a longer value for row " + i).Append(i % 3 == 0 ? (double?)null : i * 1.5).EndRow();
            }
        }

        Assert.Equal((long)rows, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal((Int128)rows * (rows - 1) / 2, connection.Scalar("SELECT sum(id) FROM t"));
        Assert.Equal((long)Enumerable.Range(0, rows).Count(i => i % 3 == 0), connection.Scalar("SELECT count(*) FROM t WHERE score IS NULL"));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t WHERE name <> CASE WHEN id % 2 = 0 THEN '短' || id ELSE 'a longer value for row ' || id END"));
        Assert.Equal(Enumerable.Range(0, rows).Where(i => i % 3 != 0).Sum(i => i * 1.5), connection.Scalar("SELECT sum(score) FROM t"));
    }

    [Fact]
    public void Flush_makes_the_rows_so_far_visible()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER)");
        using var appender = connection.CreateAppender("t");
        for (var i = 0; i < 10; i++)
        {
            appender.AppendRow(i);
        }

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
        appender.Flush();
        Assert.Equal(10L, connection.Scalar("SELECT count(*) FROM t"));
        appender.AppendRow(10);
        appender.Close();
        Assert.Equal(11L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Throws<ObjectDisposedException>(() => appender.AppendRow(11));
    }

    [Fact]
    public void A_value_of_the_wrong_type_throws_before_writing_and_discards_only_that_row()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
        using (var appender = connection.CreateAppender("t"))
        {
            appender.AppendRow(1, "a");
            appender.AppendRow(2, "b");
            appender.AppendRow(3, "c");

            var first = Assert.Throws<InvalidCastException>(() => appender.CreateRow().Append("not a number"));
            Assert.Contains("column 0 (INTEGER)", first.Message, StringComparison.Ordinal);
            var second = Assert.Throws<InvalidCastException>(() => appender.CreateRow().Append(99).Append(12.5));
            Assert.Contains("VARCHAR", second.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidCastException>(() => appender.CreateRow().Append(98).AppendObject(new object()));

            appender.AppendRow(4, "d");
        }

        Assert.Equal("1a,2b,3c,4d", connection.Scalar("SELECT string_agg(id || name, ',' ORDER BY id) FROM t"));
    }

    [Fact]
    public void Too_few_or_too_many_values_throw_and_discard_the_row()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
        using (var appender = connection.CreateAppender("t"))
        {
            var few = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().Append(1).EndRow());
            Assert.Contains("discarded", few.Message, StringComparison.Ordinal);
            var many = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().Append(2).Append("b").Append("extra"));
            Assert.Contains("discarded", many.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => appender.AppendRow(3));

            appender.AppendRow(4, "d");
            Assert.Equal(1, appender.RowCount);
        }

        Assert.Equal("4d", connection.Scalar("SELECT string_agg(id || name, ',') FROM t"));
    }

    [Fact]
    public void Decimals_that_would_need_rounding_and_values_out_of_range_are_refused()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (amount DECIMAL(18,2), small TINYINT, d4 DECIMAL(4,1), day DATE, ns TIMESTAMP_NS)");
        using (var appender = connection.CreateAppender("t"))
        {
            Assert.Throws<InvalidCastException>(() => appender.CreateRow().Append(1.234m));
            Assert.Throws<OverflowException>(() => appender.CreateRow().Append(1m).Append(300));
            Assert.Throws<OverflowException>(() => appender.CreateRow().Append(1m).Append(1).Append(1000m));
            Assert.Throws<InvalidCastException>(() => appender.CreateRow().Append(1m).Append(1).Append(1m).Append(new DateTime(2024, 1, 2, 3, 4, 5)));
            Assert.Throws<OverflowException>(() => appender.CreateRow().Append(1m).Append(1).Append(1m).Append(new DateOnly(2024, 1, 2)).Append(new DateTime(1600, 1, 1)));

            appender.CreateRow().Append(1.230m).Append(-128).Append(-999.9m).Append(new DateTime(2024, 1, 2)).Append(new DateTime(2200, 1, 1)).EndRow();
        }

        using var r = connection.ReadRow("SELECT amount::VARCHAR, small, d4, day, ns FROM t");
        Assert.Equal("1.23", r.GetString(0));
        Assert.Equal((sbyte)-128, r.GetFieldValue<sbyte>(1));
        Assert.Equal(-999.9m, r.GetDecimal(2));
        Assert.Equal(new DateOnly(2024, 1, 2), r.GetFieldValue<DateOnly>(3));
        Assert.Equal(new DateTime(2200, 1, 1), r.GetDateTime(4));
    }

    [Fact]
    public void A_primary_key_violation_at_close_is_a_DuckDbException_and_dispose_afterwards_is_quiet()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        var appender = connection.CreateAppender("t");
        appender.AppendRow(1);
        appender.AppendRow(1);

        var ex = Assert.Throws<DuckDbException>(() => appender.Close());
        Assert.Equal(DuckDbErrorType.Constraint, ex.ErrorType);
        Assert.Contains("'t'", ex.Message, StringComparison.Ordinal);
        appender.Dispose();
        appender.Dispose();

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_primary_key_violation_at_flush_fails_the_appender_and_keeps_the_earlier_rows()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        var appender = connection.CreateAppender("t");
        appender.AppendRow(1);
        appender.Flush();
        appender.AppendRow(1);

        Assert.Throws<DuckDbException>(() => appender.Flush());
        var ex = Assert.Throws<InvalidOperationException>(() => appender.AppendRow(2));
        Assert.Contains("failed earlier", ex.Message, StringComparison.Ordinal);
        appender.Dispose();

        Assert.Equal(1L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void An_appender_on_a_missing_table_is_a_DuckDbException_naming_it()
    {
        using var connection = Sql.OpenMemory();

        var ex = Assert.Throws<DuckDbException>(() => connection.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appender_writes_into_a_named_schema()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE SCHEMA 区域; CREATE TABLE 区域.企业 (名称 VARCHAR)");
        using (var appender = connection.CreateAppender("区域", "企业"))
        {
            appender.AppendRow("重庆市璧山区某公司");
        }

        Assert.Equal("重庆市璧山区某公司", connection.Scalar("SELECT 名称 FROM 区域.企业"));
    }
}

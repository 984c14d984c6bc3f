using System.Numerics;

namespace Analytics.DuckDb.Tests;

public sealed class ParameterTests
{
    private enum Level
    {
        Low = 1,
        High = 7,
    }

    [Fact]
    public void Positional_parameters_fill_dollar_numbers_and_question_marks_in_order()
    {
        using var connection = Sql.OpenMemory();

        Assert.Equal(5, connection.Scalar("SELECT $1 + $2", 2, 3));
        Assert.Equal(-1, connection.Scalar("SELECT $2 - $1", 3, 2));
        Assert.Equal("a-b", connection.Scalar("SELECT ? || '-' || ?", "a", "b"));
    }

    [Fact]
    public void Named_parameters_bind_with_or_without_a_prefix()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $region || ':' || $amount::VARCHAR");
        command.Parameters.Add("region", "璧山");
        command.Parameters.Add("$amount", 12);

        Assert.Equal("璧山:12", command.ExecuteScalar());
    }

    [Fact]
    public void At_names_of_the_command_parameters_are_rewritten_to_dollar_names()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT @a + @B, '@a' AS literal");
        command.Parameters.Add("@a", 40);
        command.Parameters.Add("b", 2);
        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal(42, reader.GetInt32(0));
        Assert.Equal("@a", reader.GetString(1));
    }

    [Fact]
    public void At_stays_the_absolute_value_operator_for_names_that_are_not_parameters()
    {
        using var connection = Sql.OpenMemory();

        Assert.Equal(3, connection.Scalar("SELECT @v FROM (SELECT -3 AS v)"));
        // Prefix @ binds more loosely than +: "@v + @offset" would be @(v + $offset).
        using var command = connection.CreateCommand("SELECT @offset + @v FROM (SELECT -3 AS v)");
        command.Parameters.Add("offset", 10);
        Assert.Equal(13, command.ExecuteScalar());
    }

    public static TheoryData<object, object> RoundTrips => new()
    {
        { true, true },
        { (sbyte)-5, (sbyte)-5 },
        { (byte)250, (byte)250 },
        { (short)-30000, (short)-30000 },
        { (ushort)65000, (ushort)65000 },
        { int.MinValue, int.MinValue },
        { uint.MaxValue, uint.MaxValue },
        { long.MaxValue, long.MaxValue },
        { ulong.MaxValue, ulong.MaxValue },
        { Int128.MinValue, Int128.MinValue },
        { UInt128.MaxValue, UInt128.MaxValue },
        { 1.5f, 1.5f },
        { double.NegativeInfinity, double.NegativeInfinity },
        { -123.456m, -123.456m },
        { 79228162514264337593543950335m, 79228162514264337593543950335m },
        { 0.0000000000000000000000000001m, 0.0000000000000000000000000001m },
        { "重庆市璧山区", "重庆市璧山区" },
        { "", "" },
        { 'x', "x" },
        { new byte[] { 0, 1, 255 }, new byte[] { 0, 1, 255 } },
        { new DateOnly(1969, 12, 31), new DateOnly(1969, 12, 31) },
        { new TimeOnly(23, 59, 59, 999), new TimeOnly(23, 59, 59, 999) },
        { new TimeSpan(1, 2, 3, 4, 5), new DuckDbInterval(0, 1, (long)new TimeSpan(0, 2, 3, 4, 5).TotalMicroseconds) },
        { new DuckDbInterval(14, 2, 3), new DuckDbInterval(14, 2, 3) },
        { Guid.Parse("8f0e2f6a-1b2c-4d3e-9f40-5a6b7c8d9e0f"), Guid.Parse("8f0e2f6a-1b2c-4d3e-9f40-5a6b7c8d9e0f") },
        { Level.High, 7 },
        { new BigInteger(12345), (Int128)12345 },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Every_common_CLR_type_binds_and_reads_back(object value, object expected)
    {
        using var connection = Sql.OpenMemory();

        Assert.Equal(expected, connection.Scalar("SELECT $1", value));
    }

    [Fact]
    public void Decimals_of_every_magnitude_bind_exactly()
    {
        using var connection = Sql.OpenMemory();
        for (var exponent = 0; exponent <= 28; exponent++)
        {
            var power = 1m;
            for (var i = 0; i < exponent; i++)
            {
                power *= 10;
            }

            foreach (var value in new[] { power, -power, power - 1, power / 7 })
            {
                Assert.Equal(value, connection.Scalar("SELECT $1", value));
                Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), connection.Scalar("SELECT $1::VARCHAR", value));
            }
        }
    }

    [Fact]
    public void DateTime_of_unspecified_kind_binds_as_timestamp_and_utc_as_timestamptz()
    {
        using var connection = Sql.OpenMemory();
        var local = new DateTime(2024, 2, 29, 12, 34, 56, 789, DateTimeKind.Unspecified).AddTicks(1230);
        var utc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var offset = new DateTimeOffset(2024, 2, 29, 20, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal("TIMESTAMP", connection.Scalar("SELECT typeof($1)", local));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", connection.Scalar("SELECT typeof($1)", utc));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", connection.Scalar("SELECT typeof($1)", offset));

        var readLocal = Assert.IsType<DateTime>(connection.Scalar("SELECT $1", local));
        Assert.Equal(local, readLocal);
        Assert.Equal(DateTimeKind.Unspecified, readLocal.Kind);
        var readUtc = Assert.IsType<DateTime>(connection.Scalar("SELECT $1", utc));
        Assert.Equal(utc, readUtc);
        Assert.Equal(DateTimeKind.Utc, readUtc.Kind);
        Assert.Equal(offset.UtcDateTime, connection.Scalar("SELECT $1", offset));
        Assert.Equal(new DateTime(2024, 2, 29, 12, 0, 0), connection.Scalar("SELECT $1::TIMESTAMP", offset));
    }

    [Fact]
    public void Guid_binds_as_the_uuid_DuckDB_prints_as_the_same_text()
    {
        using var connection = Sql.OpenMemory();
        foreach (var guid in new[] { Guid.Empty, Guid.AllBitsSet, Guid.NewGuid(), Guid.Parse("7fffffff-ffff-4fff-bfff-ffffffffffff"), Guid.Parse("80000000-0000-4000-8000-000000000000") })
        {
            Assert.Equal(guid.ToString(), connection.Scalar("SELECT $1::VARCHAR", guid));
            Assert.Equal(true, connection.Scalar("SELECT $1 = $2::UUID", guid, guid.ToString()));
        }
    }

    [Fact]
    public void Null_and_DBNull_bind_as_NULL()
    {
        using var connection = Sql.OpenMemory();

        Assert.Equal(true, connection.Scalar("SELECT $1 IS NULL", (object?)null));
        Assert.Equal(true, connection.Scalar("SELECT $1 IS NULL", DBNull.Value));
        Assert.Equal(DBNull.Value, connection.Scalar("SELECT $1::INTEGER", DBNull.Value));
    }

    [Fact]
    public void Arrays_and_lists_bind_as_LIST_for_ANY_and_list_contains()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t AS SELECT i AS id, 'n' || i AS name FROM range(10) t(i)");

        Assert.Equal(3L, connection.Scalar("SELECT count(*) FROM t WHERE id = ANY($1)", new[] { 1, 3, 5, 99 }));
        Assert.Equal(2L, connection.Scalar("SELECT count(*) FROM t WHERE list_contains($1, name)", new List<string> { "n2", "n7", "none" }));
        Assert.Equal(new List<int?> { 1, null, 3 }, connection.Scalar("SELECT $1", new int?[] { 1, null, 3 }));
        Assert.Equal(0L, connection.Scalar("SELECT len($1)", Array.Empty<int>()));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t WHERE id = ANY($1)", new List<long>()));
        Assert.Equal("BIGINT[]", connection.Scalar("SELECT typeof($1)", new long?[] { null }));
        Assert.Equal("VARCHAR[]", connection.Scalar("SELECT typeof($1)", new List<string>()));
    }

    [Fact]
    public void A_missing_parameter_is_an_InvalidOperation_naming_it()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $region, $amount");
        command.Parameters.Add("region", "璧山");

        var ex = Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        Assert.Contains("amount", ex.Message, StringComparison.Ordinal);

        using var positional = connection.CreateCommand("SELECT $1 + $2");
        positional.Parameters.AddPositional(1);
        var ex2 = Assert.Throws<InvalidOperationException>(() => positional.ExecuteScalar());
        Assert.Contains("$2", ex2.Message, StringComparison.Ordinal);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void An_unused_parameter_is_an_InvalidOperation_naming_it()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $a");
        command.Parameters.Add("a", 1);
        command.Parameters.Add("typo_name", 2);

        var ex = Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        Assert.Contains("typo_name", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void A_value_DuckDB_cannot_convert_keeps_DuckDBs_conversion_message()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t AS SELECT 1 AS id");

        var ex = Assert.Throws<DuckDbException>(() => connection.Scalar("SELECT count(*) FROM t WHERE id = $1", "abc"));
        Assert.Contains("Conversion Error", ex.Message, StringComparison.Ordinal);
        Assert.Contains("abc", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Native.DuckDbErrorType.Conversion, ex.ErrorType);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void A_CLR_type_without_a_DuckDB_type_is_an_ArgumentException_naming_the_parameter()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $thing");
        command.Parameters.Add("thing", new object());

        var ex = Assert.Throws<ArgumentException>(() => command.ExecuteScalar());
        Assert.Contains("thing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("System.Object", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void Parameters_are_shared_by_every_statement_of_a_command()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES ($v); SELECT v * 2 FROM t WHERE v = $v");
        command.Parameters.Add("v", 21);

        Assert.Equal(42, command.ExecuteScalar());
    }

    [Fact]
    public void A_prepared_command_reruns_with_new_parameter_values()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $x * 2");
        var parameter = command.Parameters.Add("x", 1);
        command.Prepare();

        for (var i = 0; i < 100; i++)
        {
            parameter.Value = i;
            Assert.Equal(i * 2, command.ExecuteScalar());
        }
    }
}

using System.Globalization;

namespace Analytics.DuckDb.Tests;

public sealed class IntegerAndFloatTypeTests
{
    [Fact]
    public void Signed_integers_read_back_at_their_minimum_and_maximum()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT " + string.Join(", ",
                Sql.Cast(sbyte.MinValue, "TINYINT"), Sql.Cast(sbyte.MaxValue, "TINYINT"),
                Sql.Cast(short.MinValue, "SMALLINT"), Sql.Cast(short.MaxValue, "SMALLINT"),
                Sql.Cast(int.MinValue, "INTEGER"), Sql.Cast(int.MaxValue, "INTEGER"),
                Sql.Cast(long.MinValue, "BIGINT"), Sql.Cast(long.MaxValue, "BIGINT")));

        Assert.Equal((object)sbyte.MinValue, r.GetValue(0));
        Assert.Equal(sbyte.MaxValue, r.GetFieldValue<sbyte>(1));
        Assert.Equal((object)short.MinValue, r.GetValue(2));
        Assert.Equal(short.MaxValue, r.GetInt16(3));
        Assert.Equal((object)int.MinValue, r.GetValue(4));
        Assert.Equal(int.MaxValue, r.GetInt32(5));
        Assert.Equal((object)long.MinValue, r.GetValue(6));
        Assert.Equal(long.MaxValue, r.GetInt64(7));
        Assert.Equal(long.MaxValue, r.GetFieldValue<long>(7));
        Assert.Equal(long.MaxValue, r.GetFieldValue<long?>(7));

        // Widening reads work, narrowing ones check the range.
        Assert.Equal(sbyte.MinValue, r.GetInt64(0));
        Assert.Equal(int.MinValue, r.GetFieldValue<long>(4));
        Assert.Throws<OverflowException>(() => r.GetInt32(7));
    }

    [Fact]
    public void Unsigned_integers_read_back_at_their_minimum_and_maximum()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT " + string.Join(", ",
                Sql.Cast(byte.MinValue, "UTINYINT"), Sql.Cast(byte.MaxValue, "UTINYINT"),
                Sql.Cast(ushort.MinValue, "USMALLINT"), Sql.Cast(ushort.MaxValue, "USMALLINT"),
                Sql.Cast(uint.MinValue, "UINTEGER"), Sql.Cast(uint.MaxValue, "UINTEGER"),
                Sql.Cast(ulong.MinValue, "UBIGINT"), Sql.Cast(ulong.MaxValue, "UBIGINT")));

        Assert.Equal((object)byte.MinValue, r.GetValue(0));
        Assert.Equal(byte.MaxValue, r.GetByte(1));
        Assert.Equal((object)ushort.MinValue, r.GetValue(2));
        Assert.Equal(ushort.MaxValue, r.GetFieldValue<ushort>(3));
        Assert.Equal((object)uint.MinValue, r.GetValue(4));
        Assert.Equal(uint.MaxValue, r.GetFieldValue<uint>(5));
        Assert.Equal((long)uint.MaxValue, r.GetInt64(5));
        Assert.Equal((object)ulong.MinValue, r.GetValue(6));
        Assert.Equal(ulong.MaxValue, r.GetFieldValue<ulong>(7));
        Assert.Equal(typeof(ulong), r.GetFieldType(7));
        Assert.Throws<OverflowException>(() => r.GetInt64(7));
    }

    [Fact]
    public void Hugeint_and_uhugeint_hold_the_extremes_of_Int128_and_UInt128()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT " + string.Join(", ",
                Sql.Cast(Int128.MinValue, "HUGEINT"), Sql.Cast(Int128.MaxValue, "HUGEINT"), Sql.Cast(Int128.NegativeOne, "HUGEINT"),
                Sql.Cast(UInt128.MinValue, "UHUGEINT"), Sql.Cast(UInt128.MaxValue, "UHUGEINT"),
                Sql.Cast((UInt128)ulong.MaxValue + 1, "UHUGEINT")));

        Assert.Equal((object)Int128.MinValue, r.GetValue(0));
        Assert.Equal(Int128.MaxValue, r.GetFieldValue<Int128>(1));
        Assert.Equal(-1L, r.GetInt64(2));
        Assert.Equal((object)UInt128.MinValue, r.GetValue(3));
        Assert.Equal(UInt128.MaxValue, r.GetFieldValue<UInt128>(4));
        Assert.Equal((UInt128)ulong.MaxValue + 1, r.GetFieldValue<UInt128?>(5));
        Assert.Equal("HUGEINT", r.GetDataTypeName(0));
        Assert.Equal("UHUGEINT", r.GetDataTypeName(4));
    }

    [Fact]
    public void Float_and_double_keep_limits_nan_and_infinities()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(
            "SELECT " + string.Join(", ",
                Sql.Cast(float.MinValue, "FLOAT"), Sql.Cast(float.MaxValue, "FLOAT"), "CAST(0.1 AS FLOAT)",
                Sql.Cast(double.MinValue, "DOUBLE"), Sql.Cast(double.MaxValue, "DOUBLE"), Sql.Cast(double.Epsilon, "DOUBLE"),
                "'NaN'::DOUBLE", "'inf'::DOUBLE", "'-inf'::DOUBLE", "'NaN'::FLOAT", "'inf'::FLOAT"));

        Assert.Equal((object)float.MinValue, r.GetValue(0));
        Assert.Equal(float.MaxValue, r.GetFloat(1));
        Assert.Equal(0.1f, r.GetFieldValue<float>(2));
        Assert.Equal((double)0.1f, r.GetDouble(2));
        Assert.Equal((object)double.MinValue, r.GetValue(3));
        Assert.Equal(double.MaxValue, r.GetDouble(4));
        Assert.Equal(double.Epsilon, r.GetFieldValue<double>(5));
        Assert.True(double.IsNaN(r.GetDouble(6)));
        Assert.Equal(double.PositiveInfinity, r.GetDouble(7));
        Assert.Equal(double.NegativeInfinity, r.GetFieldValue<double?>(8));
        Assert.True(float.IsNaN(r.GetFloat(9)));
        Assert.Equal(float.PositiveInfinity, r.GetFloat(10));
    }

    [Fact]
    public void Boolean_reads_true_false_and_null()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT true, false, NULL::BOOLEAN");

        Assert.Equal((object)true, r.GetValue(0));
        Assert.False(r.GetBoolean(1));
        Assert.True(r.IsDBNull(2));
        Assert.Null(r.GetFieldValue<bool?>(2));
        Assert.Equal(typeof(bool), r.GetFieldType(0));
    }

    [Fact]
    public void Nulls_in_every_numeric_type_follow_the_validity_mask_across_chunks()
    {
        const int rows = 5000;
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "SELECT i, " + string.Join(", ",
                new[] { "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "HUGEINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL(18,2)", "BOOLEAN" }
                    .Select(t => $"CASE WHEN i % 3 = 0 THEN NULL ELSE CAST(i % 100 AS {t}) END")) +
            $" FROM range({rows}) t(i) ORDER BY i");
        using var reader = command.ExecuteReader();

        var count = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            Assert.Equal(count, i);
            for (var c = 1; c < reader.FieldCount; c++)
            {
                if (i % 3 == 0)
                {
                    Assert.True(reader.IsDBNull(c));
                    Assert.Equal(DBNull.Value, reader.GetValue(c));
                }
                else
                {
                    Assert.False(reader.IsDBNull(c));
                    var expected = i % 100;
                    if (reader.GetFieldType(c) == typeof(bool))
                    {
                        Assert.Equal(expected != 0, reader.GetBoolean(c));
                    }
                    else
                    {
                        var value = reader.GetValue(c) switch
                        {
                            Int128 h => (double)h,
                            UInt128 u => (double)u,
                            var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
                        };
                        Assert.Equal(expected, value);
                    }
                }
            }

            count++;
        }

        Assert.Equal(rows, count);
    }
}

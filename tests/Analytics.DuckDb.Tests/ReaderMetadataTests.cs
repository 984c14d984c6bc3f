using System.Data;
using System.Data.Common;

namespace Analytics.DuckDb.Tests;

public sealed class ReaderMetadataTests
{
    private const string TypedRow =
        "SELECT true AS b, 1::TINYINT AS i8, 1::SMALLINT AS i16, 1::INTEGER AS i32, 1::BIGINT AS i64, 1::UTINYINT AS u8, " +
        "1::USMALLINT AS u16, 1::UINTEGER AS u32, 1::UBIGINT AS u64, 1::HUGEINT AS i128, 1::UHUGEINT AS u128, 1::FLOAT AS f32, " +
        "1::DOUBLE AS f64, 1.5::DECIMAL(18,2) AS dec, 'x' AS s, 'x'::BLOB AS bl, DATE '2024-01-01' AS d, TIME '01:02:03' AS t, " +
        "TIMESTAMP '2024-01-01 01:02:03' AS ts, '2024-01-01 01:02:03+00'::TIMESTAMPTZ AS tstz, INTERVAL 1 DAY AS iv, " +
        "gen_random_uuid() AS u, [1] AS l, {'a': 1} AS st, MAP {'k': 1} AS m";

    [Fact]
    public void Field_types_are_the_documented_CLR_types()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(TypedRow);

        Type[] expected =
        [
            typeof(bool), typeof(sbyte), typeof(short), typeof(int), typeof(long), typeof(byte), typeof(ushort), typeof(uint),
            typeof(ulong), typeof(Int128), typeof(UInt128), typeof(float), typeof(double), typeof(decimal), typeof(string),
            typeof(byte[]), typeof(DateOnly), typeof(TimeOnly), typeof(DateTime), typeof(DateTime), typeof(DuckDbInterval),
            typeof(Guid), typeof(List<int?>), typeof(Dictionary<string, object?>), typeof(Dictionary<object, object?>),
        ];
        Assert.Equal(expected.Length, r.FieldCount);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], r.GetFieldType(i));
            Assert.IsType(expected[i], r.GetValue(i));
        }
    }

    [Fact]
    public void Data_type_names_are_the_names_DuckDB_itself_gives()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT COLUMNS(*), typeof(COLUMNS(*)) FROM ({TypedRow})");

        var count = r.FieldCount / 2;
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(r.GetString(count + i), r.GetDataTypeName(i));
        }

        Assert.Equal(25, count);
    }

    [Fact]
    public void Schema_table_describes_names_ordinals_types_and_decimal_precision()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 1::BIGINT AS id, '重庆' AS 名称, 12.5::DECIMAL(18,2) AS amount");

        var schema = r.GetSchemaTable();
        Assert.Equal(3, schema.Rows.Count);
        Assert.Equal("id", schema.Rows[0][SchemaTableColumn.ColumnName]);
        Assert.Equal("名称", schema.Rows[1][SchemaTableColumn.ColumnName]);
        Assert.Equal(2, schema.Rows[2][SchemaTableColumn.ColumnOrdinal]);
        Assert.Equal(typeof(long), schema.Rows[0][SchemaTableColumn.DataType]);
        Assert.Equal(typeof(string), schema.Rows[1][SchemaTableColumn.DataType]);
        Assert.Equal((short)18, schema.Rows[2][SchemaTableColumn.NumericPrecision]);
        Assert.Equal((short)2, schema.Rows[2][SchemaTableColumn.NumericScale]);
        Assert.Equal("DECIMAL(18,2)", schema.Rows[2]["DataTypeName"]);
        Assert.Equal(DBNull.Value, schema.Rows[0][SchemaTableColumn.NumericPrecision]);
    }

    [Fact]
    public void Names_and_ordinals_are_looked_up_exactly_then_ignoring_case()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 1 AS Id, 2 AS id, 3 AS 名称");

        Assert.Equal("Id", r.GetName(0));
        Assert.Equal(1, r.GetOrdinal("id"));
        Assert.Equal(0, r.GetOrdinal("Id"));
        Assert.Equal(2, r.GetOrdinal("名称"));
        Assert.Equal(3, r["名称"]);
        var ex = Assert.Throws<IndexOutOfRangeException>(() => r.GetOrdinal("missing"));
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
        Assert.Throws<IndexOutOfRangeException>(() => r.GetValue(3));
    }

    [Fact]
    public void A_typed_getter_on_null_throws_InvalidCast_naming_the_column()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT NULL::INTEGER AS amount, NULL::VARCHAR AS name, NULL::DATE AS day");

        foreach (var read in new Action[] { () => r.GetInt32(0), () => r.GetInt64(0), () => r.GetString(1), () => r.GetDateTime(2) })
        {
            var ex = Assert.Throws<InvalidCastException>(read);
            Assert.Contains("NULL", ex.Message, StringComparison.Ordinal);
            Assert.Contains("IsDBNull", ex.Message, StringComparison.Ordinal);
        }

        var typed = Assert.Throws<InvalidCastException>(() => r.GetFieldValue<int>(0));
        Assert.Contains("'amount'", typed.Message, StringComparison.Ordinal);
        Assert.Contains("Int32?", typed.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<DateOnly>(2));

        Assert.True(r.IsDBNull(0));
        Assert.Null(r.GetFieldValue<int?>(0));
        Assert.Null(r.GetFieldValue<string>(1));
        Assert.Equal(DBNull.Value, r.GetFieldValue<object>(0));
        Assert.Equal(DBNull.Value, r[1]);
    }

    [Fact]
    public void A_getter_of_the_wrong_type_throws_InvalidCast_naming_both_types()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 42 AS n, 'text' AS s");

        var ex = Assert.Throws<InvalidCastException>(() => r.GetString(0));
        Assert.Contains("INTEGER", ex.Message, StringComparison.Ordinal);
        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => r.GetInt32(1));
        Assert.Throws<InvalidCastException>(() => r.GetGuid(0));
    }

    [Fact]
    public void Reading_values_before_Read_throws_InvalidOperation()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT 1");
        using var reader = command.ExecuteReader();

        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
    }

    [Fact]
    public void GetValues_fills_the_row_and_DataTable_Load_reads_every_row()
    {
        using var connection = Sql.OpenMemory();
        using (var r = connection.ReadRow("SELECT 1, 'a', NULL"))
        {
            var values = new object[3];
            Assert.Equal(3, r.GetValues(values));
            Assert.Equal([1, "a", DBNull.Value], values);
        }

        using var command = connection.CreateCommand("SELECT i, 'row ' || i AS label FROM range(3000) t(i)");
        using var reader = command.ExecuteReader();
        var table = new DataTable();
        table.Load(reader);
        Assert.Equal(3000, table.Rows.Count);
        Assert.Equal("row 2999", table.Rows[2999]["label"]);
    }
}

namespace Analytics.DuckDb.Tests;

public sealed class NestedAndSpecialTypeTests
{
    [Fact]
    public void List_reads_as_a_list_of_nullable_elements()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT [1, NULL, 3], [1, 2, 3], []::INTEGER[], NULL::INTEGER[], ['a', NULL, '重庆市璧山区长字符串值']");

        Assert.Equal(new List<int?> { 1, null, 3 }, r.GetValue(0));
        Assert.Equal(typeof(List<int?>), r.GetFieldType(0));
        Assert.Equal("INTEGER[]", r.GetDataTypeName(0));
        Assert.Equal(new List<int?> { 1, null, 3 }, r.GetFieldValue<List<int?>>(0));
        Assert.Equal([1, 2, 3], r.GetFieldValue<int[]>(1));
        Assert.Equal(new List<long> { 1, 2, 3 }, r.GetFieldValue<List<long>>(1));
        Assert.Equal([1, null, 3], r.GetFieldValue<int?[]>(0));
        Assert.Empty(r.GetFieldValue<int[]>(2));
        Assert.True(r.IsDBNull(3));
        Assert.Null(r.GetFieldValue<int[]>(3));
        Assert.Equal(new List<string?> { "a", null, "重庆市璧山区长字符串值" }, r.GetValue(4));

        var ex = Assert.Throws<InvalidCastException>(() => r.GetFieldValue<int[]>(0));
        Assert.Contains("NULL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_lists_and_fixed_size_arrays_read_recursively()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT [[1, 2], [], NULL, [3]], [1, 2, 3]::INTEGER[3]");

        var nested = Assert.IsType<List<List<int?>?>>(r.GetValue(0), exactMatch: false);
        Assert.Equal(4, nested.Count);
        Assert.Equal(new List<int?> { 1, 2 }, nested[0]);
        Assert.Empty(nested[1]!);
        Assert.Null(nested[2]);
        Assert.Equal(new List<int?> { 3 }, nested[3]);
        Assert.Equal("INTEGER[][]", r.GetDataTypeName(0));

        Assert.Equal(new List<int?> { 1, 2, 3 }, r.GetValue(1));
        Assert.Equal("INTEGER[3]", r.GetDataTypeName(1));
    }

    [Fact]
    public void Lists_read_correctly_across_chunks()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "SELECT i, CASE WHEN i % 4 = 0 THEN NULL ELSE range(i % 5) END FROM range(6000) t(i) ORDER BY i");
        using var reader = command.ExecuteReader();

        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            var expected = i % 4 == 0 ? null : Enumerable.Range(0, (int)(i % 5)).Select(v => (long)v).ToArray();
            Assert.Equal(expected, reader.GetFieldValue<long[]?>(1));
            rows++;
        }

        Assert.Equal(6000, rows);
    }

    [Fact]
    public void Struct_reads_as_a_dictionary_in_field_order()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT {'a': 1, 'b': '重庆', 'c': NULL::INTEGER, 'd': [1, 2]} AS s, typeof(s)");

        var value = Assert.IsType<Dictionary<string, object?>>(r.GetValue(0));
        Assert.Equal(["a", "b", "c", "d"], value.Keys);
        Assert.Equal(1, value["a"]);
        Assert.Equal("重庆", value["b"]);
        Assert.Null(value["c"]);
        Assert.Equal(new List<int?> { 1, 2 }, value["d"]);
        Assert.Equal(r.GetString(1), r.GetDataTypeName(0));
    }

    [Fact]
    public void Map_reads_as_a_dictionary_of_keys_to_values()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT MAP {'k1': 1, 'k2': NULL, '重庆': 3} AS m, typeof(m)");

        var value = Assert.IsType<Dictionary<object, object?>>(r.GetValue(0));
        Assert.Equal(3, value.Count);
        Assert.Equal(1, value["k1"]);
        Assert.Null(value["k2"]);
        Assert.Equal(3, value["重庆"]);
        Assert.Equal(r.GetString(1), r.GetDataTypeName(0));
    }

    [Fact]
    public void Enum_reads_as_its_label_for_small_and_large_dictionaries()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', '开心')");
        connection.Execute("CREATE TYPE wide AS ENUM (SELECT 'v' || i FROM range(300) t(i))");
        using var r = connection.ReadRow("SELECT 'ok'::mood, '开心'::mood, NULL::mood, 'v299'::wide, 'v0'::wide");

        Assert.Equal("ok", r.GetValue(0));
        Assert.Equal("开心", r.GetString(1));
        Assert.True(r.IsDBNull(2));
        Assert.Equal("v299", r.GetString(3));
        Assert.Equal("v0", r.GetFieldValue<string>(4));
        Assert.Equal(typeof(string), r.GetFieldType(0));
    }

    [Fact]
    public void Uuid_reads_as_the_Guid_whose_text_DuckDB_prints()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "SELECT u, u::VARCHAR FROM (SELECT gen_random_uuid() AS u FROM range(3000) " +
            "UNION ALL SELECT '00000000-0000-0000-0000-000000000000'::UUID UNION ALL SELECT 'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID " +
            "UNION ALL SELECT '7fffffff-0000-4000-8000-000000000001'::UUID UNION ALL SELECT '80000000-0000-4000-8000-000000000001'::UUID)");
        using var reader = command.ExecuteReader();

        var rows = 0;
        while (reader.Read())
        {
            var text = reader.GetString(1);
            Assert.Equal(Guid.Parse(text), reader.GetGuid(0));
            Assert.Equal(text, reader.GetGuid(0).ToString());
            Assert.Equal(text, reader.GetString(0));
            Assert.Equal(Guid.Parse(text), reader.GetFieldValue<Guid?>(0));
            rows++;
        }

        Assert.Equal(3004, rows);
    }
}

using System.Text;

namespace Analytics.DuckDb.Tests;

public sealed class StringAndBlobTypeTests
{
    public static TheoryData<string> Strings => new()
    {
        "",
        "a",
        "abcdefghijk",            // 11 bytes: inline
        "abcdefghijkl",           // 12 bytes: the longest inline string
        "abcdefghijklm",          // 13 bytes: the shortest string stored by pointer
        "重庆市璧",                // 12 bytes of UTF-8 (4 × 3): inline
        "重庆市璧a",               // 13 bytes
        "a重庆市璧",               // 13 bytes, a character straddling the inline boundary
        "重庆市璧山区璧泉街道",      // 30 bytes
        "重庆市璧山区青杠街道办事处 — 统一社会信用代码 91500227MA5U3XXXXX",
        "emoji 🚀 and 𝄞 outside the BMP",
        "quote ' and \"double\" and \\ backslash",
        new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Varchar_reads_back_exactly_whatever_its_length_in_bytes(string text)
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand("SELECT $1::VARCHAR, strlen($1::VARCHAR), length($1::VARCHAR)");
        command.Parameters.AddPositional(text);
        using var r = command.ExecuteReader();
        Assert.True(r.Read());

        Assert.Equal(text, r.GetString(0));
        Assert.Equal((object)text, r.GetValue(0));
        Assert.Equal(text, r.GetFieldValue<string>(0));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), r.GetInt64(1));
        Assert.Equal(text.EnumerateRunes().Count(), r.GetInt64(2));
    }

    [Fact]
    public void Varchar_literals_of_12_and_13_bytes_read_back_from_sql_text()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow("SELECT 'abcdefghijkl', 'abcdefghijklm', '重庆市璧', '重庆市璧山区', '', NULL::VARCHAR");

        Assert.Equal("abcdefghijkl", r.GetString(0));
        Assert.Equal("abcdefghijklm", r.GetString(1));
        Assert.Equal("重庆市璧", r.GetString(2));
        Assert.Equal("重庆市璧山区", r.GetString(3));
        Assert.Equal("", r.GetString(4));
        Assert.False(r.IsDBNull(4));
        Assert.True(r.IsDBNull(5));
        Assert.Null(r.GetFieldValue<string>(5));
        Assert.Equal('重', r.GetChar(2));
    }

    [Fact]
    public void Blob_reads_as_bytes_through_GetValue_GetBytes_and_GetFieldValue()
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow(@"SELECT '\x00\xFF\x10'::BLOB, '\xAA\xBB\xCC\xDD\xEE\xFF\x00\x11\x22\x33\x44\x55\x66\x77'::BLOB, ''::BLOB, NULL::BLOB");

        byte[] shortBlob = [0x00, 0xFF, 0x10];
        byte[] longBlob = [0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];
        Assert.Equal(shortBlob, (byte[])r.GetValue(0));
        Assert.Equal(longBlob, r.GetFieldValue<byte[]>(1));
        Assert.Equal(typeof(byte[]), r.GetFieldType(1));
        Assert.Equal("BLOB", r.GetDataTypeName(1));

        Assert.Equal(longBlob.Length, r.GetBytes(1, 0, null, 0, 0));
        var buffer = new byte[4];
        Assert.Equal(4, r.GetBytes(1, 10, buffer, 0, 10));
        Assert.Equal(longBlob[10..14], buffer);

        Assert.Empty((byte[])r.GetValue(2));
        Assert.True(r.IsDBNull(3));
        Assert.Throws<InvalidCastException>(() => r.GetString(0));
    }

    [Fact]
    public void Varchar_column_reads_correctly_across_many_chunks()
    {
        const int rows = 10_000;
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "SELECT i, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 's' || i ELSE '重庆市璧山区-long-value-' || i END FROM range(10000) t(i) ORDER BY i");
        using var reader = command.ExecuteReader();

        var seen = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            var expected = i % 7 == 0 ? null : i % 2 == 0 ? "s" + i : "重庆市璧山区-long-value-" + i;
            Assert.Equal(expected, reader.GetFieldValue<string?>(1));
            seen++;
        }

        Assert.Equal(rows, seen);
    }
}

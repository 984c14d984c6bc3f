using System.Globalization;

namespace Analytics.DuckDb.Tests;

public sealed class DecimalTypeTests
{
    public static TheoryData<string, string> Values => new()
    {
        // DECIMAL(4,1) is stored in 16 bits, (9,4) in 32, (18,2) in 64, (38,10) in 128.
        { "DECIMAL(4,1)", "999.9" },
        { "DECIMAL(4,1)", "-999.9" },
        { "DECIMAL(4,1)", "0.5" },
        { "DECIMAL(9,4)", "99999.9999" },
        { "DECIMAL(9,4)", "-0.0001" },
        { "DECIMAL(18,2)", "9999999999999999.99" },
        { "DECIMAL(18,2)", "-9999999999999999.99" },
        { "DECIMAL(18,2)", "1.50" },
        { "DECIMAL(38,10)", "123456789012345678.0123456789" },
        { "DECIMAL(38,10)", "-123456789012345678.0123456789" },
        { "DECIMAL(38,0)", "79228162514264337593543950335" },
        { "DECIMAL(38,0)", "-79228162514264337593543950335" },
        { "DECIMAL(38,28)", "1.2345678901234567890123456789" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Decimal_reads_back_exactly_with_its_scale(string type, string text)
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT CAST('{text}' AS {type}) AS d, CAST(CAST('{text}' AS {type}) AS VARCHAR)");

        var expected = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, r.GetDecimal(0));
        Assert.Equal((object)expected, r.GetValue(0));
        Assert.Equal(expected, r.GetFieldValue<decimal>(0));
        Assert.Equal(expected, r.GetFieldValue<decimal?>(0));
        Assert.Equal(r.GetString(1), r.GetString(0));
        Assert.Equal((double)expected, r.GetDouble(0), 1e-12 * Math.Max(1, Math.Abs((double)expected)));
        Assert.Equal(type, r.GetDataTypeName(0));
        Assert.Equal(typeof(decimal), r.GetFieldType(0));
    }

    [Theory]
    [InlineData("DECIMAL(38,10)", "9999999999999999999999999999.9999999999")]
    [InlineData("DECIMAL(38,10)", "-9999999999999999999999999999.9999999999")]
    [InlineData("DECIMAL(38,10)", "1234567890123456789012345678.4450000000")]
    [InlineData("DECIMAL(38,10)", "1234567890123456789012345678.4500000001")]
    [InlineData("DECIMAL(38,37)", "1.2345678901234567890123456789012345678")]
    [InlineData("DECIMAL(38,2)", "7922816251426433759354395033.55")]
    public void A_38_digit_decimal_is_rounded_once_to_what_System_Decimal_holds(string type, string text)
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT CAST('{text}' AS {type}), CAST(CAST('{text}' AS {type}) AS VARCHAR)");

        // decimal.Parse rounds the text once, to the nearest value a System.Decimal holds.
        Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), r.GetDecimal(0));
        Assert.Equal(text, r.GetString(0));
        Assert.Equal(r.GetString(1), r.GetString(0));
    }

    [Theory]
    [InlineData("7922816251426433759354395033.45")]
    [InlineData("-7922816251426433759354395033.45")]
    [InlineData("-7922816251426433759354395033.44")]
    public void A_tie_is_rounded_half_away_from_zero_as_DuckDB_rounds(string text)
    {
        using var connection = Sql.OpenMemory();

        // 30 digits: System.Decimal keeps 29 here, so one place goes; DuckDB's own cast says what that place becomes.
        using var r = connection.ReadRow($"SELECT CAST('{text}' AS DECIMAL(38,2)), CAST(CAST('{text}' AS DECIMAL(38,2)) AS DECIMAL(38,1))");

        Assert.Equal(r.GetDecimal(1), r.GetDecimal(0));
    }

    [Theory]
    [InlineData("DECIMAL(38,0)", "99999999999999999999999999999999999999")]
    [InlineData("DECIMAL(38,6)", "-12345678901234567890123456789012.345678")]
    [InlineData("DECIMAL(38,0)", "79228162514264337593543950336")]
    [InlineData("DECIMAL(38,1)", "79228162514264337593543950335.5")]
    public void A_decimal_outside_System_Decimal_throws_overflow_but_reads_as_string_and_double(string type, string text)
    {
        using var connection = Sql.OpenMemory();
        using var r = connection.ReadRow($"SELECT CAST('{text}' AS {type})");

        var ex = Assert.Throws<OverflowException>(() => r.GetDecimal(0));
        Assert.Contains("System.Decimal", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => r.GetValue(0));
        Assert.Equal(text, r.GetString(0));
        Assert.Equal(text, r.GetFieldValue<string>(0));
        var expected = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, r.GetDouble(0), Math.Abs(expected) * 1e-14);
    }

    [Fact]
    public void Decimal_nulls_and_negatives_read_across_chunks_in_every_storage_width()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "SELECT i, " +
            "CASE WHEN i % 5 = 0 THEN NULL ELSE CAST((i - 2500) / 10 AS DECIMAL(4,1)) END, " +
            "CASE WHEN i % 5 = 0 THEN NULL ELSE CAST((i - 2500) / 10000 AS DECIMAL(9,4)) END, " +
            "CASE WHEN i % 5 = 0 THEN NULL ELSE CAST((i - 2500) / 100 AS DECIMAL(18,2)) END, " +
            "CASE WHEN i % 5 = 0 THEN NULL ELSE CAST((i - 2500) / 100 AS DECIMAL(38,10)) END " +
            "FROM range(5000) t(i) ORDER BY i");
        using var reader = command.ExecuteReader();

        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            if (i % 5 == 0)
            {
                Assert.All(Enumerable.Range(1, 4), c => Assert.Null(reader.GetFieldValue<decimal?>(c)));
            }
            else
            {
                Assert.Equal((i - 2500) / 10m, reader.GetDecimal(1));
                Assert.Equal((i - 2500) / 10000m, reader.GetDecimal(2));
                Assert.Equal((i - 2500) / 100m, reader.GetDecimal(3));
                Assert.Equal((i - 2500) / 100m, reader.GetDecimal(4));
            }

            rows++;
        }

        Assert.Equal(5000, rows);
    }
}

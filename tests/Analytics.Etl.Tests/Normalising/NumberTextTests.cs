using Analytics.Etl.Normalising;

namespace Analytics.Etl.Tests.Normalising;

public class NumberTextTests
{
    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("￥1 234", "1234")]
    [InlineData("1.5E+07", "15000000")]
    [InlineData("007", "7")]
    public void Reads_amounts_as_suppliers_write_them(string text, string expected)
    {
        Assert.True(NumberText.TryParseDecimal(text, out var value), text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    public void Refuses_non_numbers(string text) => Assert.False(NumberText.TryParseDecimal(text, out _));

    [Theory]
    [InlineData("35", true, 35)]
    [InlineData("35.0", true, 35)]
    [InlineData("35.5", false, 0)]
    [InlineData("3,500", true, 3500)]
    public void Whole_numbers_accept_a_zero_fraction_only(string text, bool ok, long expected)
    {
        Assert.Equal(ok, NumberText.TryParseInteger(text, out var value));
        Assert.Equal(expected, ok ? value : 0);
    }

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("1.004", "1.00")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("12.3", "12.3")]
    public void Amounts_round_half_away_from_zero_to_two_decimals(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NumberText.RoundAmount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("万元", AmountUnit.TenThousandYuan)]
    [InlineData("元", AmountUnit.Yuan)]
    [InlineData("千元", AmountUnit.ThousandYuan)]
    [InlineData("亿元", AmountUnit.HundredMillionYuan)]
    [InlineData("单位:元", AmountUnit.Yuan)]
    [InlineData("YUAN", AmountUnit.Yuan)]
    [InlineData("10KYUAN", AmountUnit.TenThousandYuan)]
    public void Units_are_read_from_header_text(string text, AmountUnit expected)
    {
        Assert.True(AmountUnits.TryParse(text, out var unit));
        Assert.Equal(expected, unit);
    }

    [Fact]
    public void A_unit_written_in_the_cell_is_split_off()
    {
        Assert.Equal("1234.5", AmountUnits.StripCellUnit("1234.5万元", out var unit).ToString());
        Assert.Equal(AmountUnit.TenThousandYuan, unit);
        Assert.Equal("12345", AmountUnits.StripCellUnit("12345元", out unit).ToString());
        Assert.Equal(AmountUnit.Yuan, unit);
        Assert.Equal(1m / 10000m, AmountUnits.ToTenThousandYuan(AmountUnit.Yuan));
    }

    [Theory]
    [InlineData("是", FlagText.Reading.Yes)]
    [InlineData("1", FlagText.Reading.Yes)]
    [InlineData("Y", FlagText.Reading.Yes)]
    [InlineData("TRUE", FlagText.Reading.Yes)]
    [InlineData("否", FlagText.Reading.No)]
    [InlineData("0", FlagText.Reading.No)]
    [InlineData("N", FlagText.Reading.No)]
    [InlineData("", FlagText.Reading.NotAnswered)]
    [InlineData("也许", FlagText.Reading.Unreadable)]
    public void Flags_read_yes_no_and_blank(string key, FlagText.Reading expected) => Assert.Equal(expected, FlagText.Read(key));
}

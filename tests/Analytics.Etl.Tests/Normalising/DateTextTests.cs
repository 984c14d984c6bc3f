using Analytics.Etl.Normalising;

namespace Analytics.Etl.Tests.Normalising;

public class DateTextTests
{
    [Theory]
    [InlineData("2013-04-23")]
    [InlineData("2013/4/23")]
    [InlineData("2013/04/23")]
    [InlineData("2013.4.23")]
    [InlineData("2013年4月23日")]
    [InlineData("2013年04月23日")]
    [InlineData("2013年4月23")]
    [InlineData("20130423")]
    [InlineData("2013-04-23 00:00:00")]
    [InlineData("2013-04-23T08:30:00")]
    [InlineData("2013/4/23 0:00")]
    public void Reads_the_written_forms(string text)
    {
        Assert.True(DateText.TryParse(text, out var date), text);
        Assert.Equal(new DateOnly(2013, 4, 23), date);
    }

    [Fact]
    public void Reads_excel_serials_written_as_numbers_or_text()
    {
        var expected = new DateOnly(2013, 4, 23);
        var serial = (int)new DateTime(2013, 4, 23).ToOADate();
        Assert.True(DateText.TryParse(serial.ToString(System.Globalization.CultureInfo.InvariantCulture), out var a));
        Assert.True(DateText.TryParse(serial + ".0", out var b));
        Assert.True(DateText.TryParse(serial + ".75", out var c));
        Assert.Equal([expected, expected, expected], [a, b, c]);
    }

    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    public void Excel_serials_follow_the_1900_date_system(int serial, int year, int month, int day)
    {
        Assert.True(ExcelSerialDate.TryToDate(serial, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.False(ExcelSerialDate.TryToDate(60, out _)); // 1900-02-29 never existed
    }

    [Theory]
    [InlineData("")]
    [InlineData("2013-02-30")]
    [InlineData("2013-13-01")]
    [InlineData("23/04/2013")]
    [InlineData("2013-04-23-")]
    [InlineData("二〇一三年四月")]
    [InlineData("1850-01-01")]
    [InlineData("abc")]
    [InlineData("201304231")]
    [InlineData("2013年4月23号")]
    public void Refuses_what_is_not_a_date(string text) => Assert.False(DateText.TryParse(text, out _), text);
}

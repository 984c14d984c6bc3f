using Analytics.Snapshots.Results;

namespace Analytics.Snapshots.Tests;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-x", "'-x")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\r=x", "\"'\r=x\"")]
    public void A_text_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string text, string field)
    {
        Assert.Equal(field, CsvText.Field(text));
    }

    [Theory]
    [InlineData("-12.5", "-12.5")]
    [InlineData("-3", "-3")]
    [InlineData("1e-5", "1e-5")]
    [InlineData("plain", "plain")]
    [InlineData("岳阳楼区", "岳阳楼区")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" edge", "\" edge\"")]
    [InlineData("edge ", "\"edge \"")]
    [InlineData("\u3000全角空格", "\"\u3000全角空格\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Numbers_and_plain_text_stay_as_they_are_and_fields_are_quoted_as_RFC_4180_says(string? text, string field)
    {
        Assert.Equal(field, CsvText.Field(text));
    }

    [Fact]
    public void A_line_joins_its_fields_with_commas_and_ends_with_CRLF()
    {
        Assert.Equal("a,,'=b,\"c,d\"\r\n", CsvText.Line(["a", null, "=b", "c,d"]));
    }
}

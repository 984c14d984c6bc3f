using Analytics.Etl.Normalising;
using Analytics.Etl.Tests.Support;

namespace Analytics.Etl.Tests.Normalising;

public class TextFoldingTests
{
    private static string Text(string s) { var b = new char[s.Length]; return new string(b, 0, TextFolding.FoldText(s, b)); }

    private static string Value(string s) { var b = new char[s.Length]; return new string(b, 0, TextFolding.FoldValue(s, b)); }

    private static string Code(string s) { var b = new char[s.Length]; return new string(b, 0, TextFolding.FoldCode(s, b)); }

    [Fact]
    public void Full_width_digits_letters_and_punctuation_fold_to_ascii()
    {
        Assert.Equal("2013-04-23", Value(Codes.FullWidth("2013-04-23")));
        Assert.Equal("ABC/xyz,.", Value("ＡＢＣ／ｘｙｚ，．"));
        Assert.Equal('0', Width.Fold('０'));
        Assert.Equal(' ', Width.Fold('\u3000'));
    }

    [Fact]
    public void Names_keep_full_width_punctuation_but_fold_letters_digits_and_spaces()
    {
        Assert.Equal("重庆ABC123（集团）有限公司", Text("\u3000重庆ＡＢＣ１２３（集团）有限公司  "));
        Assert.Equal("张 三", Text(" 张\u3000\u3000三\t"));
    }

    [Fact]
    public void Codes_lose_every_space_and_become_upper_case() =>
        Assert.Equal("91500000MA5U7XQ45K", Code(" 9150 0000 ma5u７xq45k\u3000"));

    [Theory]
    [InlineData("", true)]
    [InlineData(" \u3000\t", true)]
    [InlineData(" a", false)]
    public void Blank_means_only_whitespace(string text, bool blank) => Assert.Equal(blank, TextFolding.IsBlank(text));

    [Fact]
    public void Lookup_keys_ignore_quote_marks_width_and_case() =>
        Assert.Equal(TextFolding.LookupKey("专精特新\"小巨人\""), TextFolding.LookupKey("专精特新“小巨人” "));
}

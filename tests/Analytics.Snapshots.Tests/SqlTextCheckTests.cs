using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Tests;

public sealed class SqlTextCheckTests
{
    [Theory]
    [InlineData("", SqlRefusal.Empty)]
    [InlineData("   \n\t ", SqlRefusal.Empty)]
    [InlineData("SELECT 1\0; DROP TABLE t", SqlRefusal.InvalidText)]
    [InlineData("SELECT '\u0007'", SqlRefusal.InvalidText)]
    [InlineData("SELECT '\u001b[31m'", SqlRefusal.InvalidText)]
    [InlineData("SELECT '\uFFFD'", SqlRefusal.InvalidText)]
    [InlineData("SELECT '\uD800'", SqlRefusal.InvalidText)]
    public void Text_that_is_empty_or_not_plain_is_refused(string sql, SqlRefusal reason)
    {
        Assert.Equal(reason, SqlTextCheck.Refusal(sql));
    }

    [Fact]
    public void A_null_text_is_empty_and_a_text_over_the_limit_is_too_long()
    {
        Assert.Equal(SqlRefusal.Empty, SqlTextCheck.Refusal(null));
        Assert.Equal(SqlRefusal.TooLong, SqlTextCheck.Refusal("SELECT '" + new string('x', SqlTextCheck.MaxLength) + "'"));
        Assert.Null(SqlTextCheck.Refusal("SELECT '" + new string('x', SqlTextCheck.MaxLength - 10) + "'"));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT\t1\r\nFROM t")]
    [InlineData("SELECT '岳阳楼区', '😀'")]
    public void Plain_text_with_tabs_line_breaks_and_any_script_passes(string sql)
    {
        Assert.Null(SqlTextCheck.Refusal(sql));
    }
}

using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Tests;

public sealed class SqlTextTests
{
    [Theory]
    [InlineData("SELECT 1", 1, "SELECT")]
    [InlineData("  select 1 ;  ", 1, "SELECT")]
    [InlineData("SELECT 1; -- the end", 1, "SELECT")]
    [InlineData("-- note\n/* block /* nested */ still */ WITH x AS (SELECT 1) SELECT * FROM x", 1, "WITH")]
    [InlineData("SELECT 'a;b', \"c;d\" FROM t", 1, "SELECT")]
    [InlineData("SELECT $$x; y$$, $tag$ ; $tag$", 1, "SELECT")]
    [InlineData("SELECT E'it\\'s; fine'", 1, "SELECT")]
    [InlineData("(SELECT 1) UNION (SELECT 2)", 1, "SELECT")]
    [InlineData("SELECT 1; SELECT 2", 2, "SELECT")]
    [InlineData("SELECT 1;\nDROP TABLE t;", 2, "SELECT")]
    [InlineData(" ; -- nothing\n ;", 0, null)]
    [InlineData("from mart_indicator", 1, "FROM")]
    public void Split_finds_statements_outside_strings_and_comments(string sql, int count, string? firstKeyword)
    {
        var statements = SqlText.Split(sql);

        Assert.Equal(count, statements.Count);
        Assert.Equal(firstKeyword, statements.Count > 0 ? statements[0].FirstKeyword : null);
    }

    [Theory]
    [InlineData("SELECT 1;", true)]
    [InlineData("SELECT 1; -- done", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("SELECT ';", false)]
    [InlineData("SELECT 1 /* ; */", false)]
    [InlineData("SELECT $$ ; ", false)]
    [InlineData("SELECT $1;", true)]
    public void EndsStatement_is_true_only_after_a_real_semicolon(string sql, bool expected)
    {
        Assert.Equal(expected, SqlText.EndsStatement(sql));
    }
}

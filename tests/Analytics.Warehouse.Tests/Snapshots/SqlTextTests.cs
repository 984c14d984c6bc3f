using Analytics.Warehouse.SqlConsole;

namespace Analytics.Warehouse.Tests.Snapshots;

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
        Assert.Equal(firstKeyword, statements.FirstOrDefault()?.FirstKeyword);
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

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", SqlRefusal.Write)]
    [InlineData("/* hidden */ create table x (i int)", SqlRefusal.Write)]
    [InlineData("COPY t TO 'x.csv'", SqlRefusal.FileAccess)]
    [InlineData("ATTACH 'x.duckdb'", SqlRefusal.OtherDatabase)]
    [InlineData("INSTALL httpfs", SqlRefusal.Extension)]
    [InlineData("LOAD httpfs", SqlRefusal.Extension)]
    [InlineData("SET threads = 64", SqlRefusal.Setting)]
    [InlineData("PRAGMA enable_profiling", SqlRefusal.Setting)]
    [InlineData("CALL checkpoint()", SqlRefusal.NotAQuery)]
    [InlineData("SELECT 1; SELECT 2", SqlRefusal.SeveralStatements)]
    [InlineData("  -- only a comment", SqlRefusal.Empty)]
    public void Guard_refuses_by_first_keyword_with_the_reason(string sql, SqlRefusal reason)
    {
        var ex = Assert.Throws<SqlRefusedException>(() => SqlGuard.Check(sql));

        Assert.Equal(reason, ex.Reason);
    }

    [Theory]
    [InlineData("SELECT * FROM mart_indicator")]
    [InlineData("WITH a AS (SELECT 1) SELECT * FROM a;")]
    [InlineData("DESCRIBE mart_indicator")]
    [InlineData("SELECT 'INSERT; DROP' AS text")]
    public void Guard_lets_queries_through(string sql)
    {
        Assert.NotNull(SqlGuard.Check(sql));
    }
}

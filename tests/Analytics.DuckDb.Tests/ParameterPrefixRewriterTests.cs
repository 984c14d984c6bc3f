using Analytics.DuckDb.Execution;

namespace Analytics.DuckDb.Tests;

public sealed class ParameterPrefixRewriterTests
{
    private static readonly string[] Names = ["id", "name", "区"];

    [Theory]
    [InlineData("SELECT @id", "SELECT $id")]
    [InlineData("SELECT * FROM t WHERE id = @id AND name = @name", "SELECT * FROM t WHERE id = $id AND name = $name")]
    [InlineData("SELECT @ID, @Name", "SELECT $ID, $Name")]
    [InlineData("SELECT @区", "SELECT $区")]
    [InlineData("SELECT (@id)::VARCHAR, x::INTEGER", "SELECT ($id)::VARCHAR, x::INTEGER")]
    [InlineData("SELECT @id,@name", "SELECT $id,$name")]
    [InlineData("SELECT @id\n", "SELECT $id\n")]
    public void At_names_in_the_collection_become_dollar_names(string sql, string expected) =>
        Assert.Equal(expected, ParameterPrefixRewriter.Rewrite(sql, Names));

    [Theory]
    [InlineData("SELECT '@id'")]
    [InlineData("SELECT 'it''s @id'")]
    [InlineData("SELECT \"@id\" FROM t")]
    [InlineData("SELECT \"a\"\"@id\" FROM t")]
    [InlineData("SELECT 1 -- @id")]
    [InlineData("SELECT /* @id */ 1")]
    [InlineData("SELECT $$ @id $$")]
    [InlineData("SELECT $tag$ @id $tag$")]
    [InlineData("SELECT @ids, @identifier, @names")]
    [InlineData("SELECT @other")]
    [InlineData("SELECT x@id")]
    [InlineData("SELECT @ -5")]
    [InlineData("SELECT @(-5)")]
    [InlineData("SELECT 'unterminated @id")]
    [InlineData("SELECT $id, $1, ?")]
    public void Text_in_literals_identifiers_comments_and_other_names_is_untouched(string sql) =>
        Assert.Equal(sql, ParameterPrefixRewriter.Rewrite(sql, Names));

    [Theory]
    [InlineData("SELECT '@id', @id", "SELECT '@id', $id")]
    [InlineData("-- @id\nSELECT @id", "-- @id\nSELECT $id")]
    [InlineData("/* @id */ SELECT @id /* @name */", "/* @id */ SELECT $id /* @name */")]
    [InlineData("SELECT $$ @id $$, @id", "SELECT $$ @id $$, $id")]
    [InlineData("SELECT $q$ it's @id $q$, @id", "SELECT $q$ it's @id $q$, $id")]
    [InlineData("SELECT $id, @id", "SELECT $id, $id")]
    [InlineData("SELECT @v + @id", "SELECT @v + $id")]
    public void Only_the_parameter_outside_quoted_text_is_rewritten(string sql, string expected) =>
        Assert.Equal(expected, ParameterPrefixRewriter.Rewrite(sql, Names));

    [Fact]
    public void Text_is_returned_as_is_without_parameters_or_at_signs()
    {
        const string sql = "SELECT @id";
        Assert.Same(sql, ParameterPrefixRewriter.Rewrite(sql, []));
        const string plain = "SELECT $id";
        Assert.Same(plain, ParameterPrefixRewriter.Rewrite(plain, Names));
    }
}

using Analytics.DuckDb;
using Analytics.Warehouse.Building;

namespace Analytics.Warehouse.Tests.Models;

/// <summary>A model file's docs block is read strictly, and the build holds a model's column docs to what it returns.</summary>
public sealed class SqlModelTests
{
    private const string Good = """
        /*
        materialized: table
        description: Plans, for analysts
          on two lines.
        columns:
          plan: Plan id
          year: Reporting year, a doc
            on two lines
        */
        -- a developer's note
        SELECT 'CQ2013' AS plan, 2013 AS year;
        """;

    [Fact]
    public void A_model_file_gives_its_name_settings_docs_and_select()
    {
        var model = SqlModel.Parse("marts/dim_x.sql", Good);
        Assert.Equal("dim_x", model.Name);
        Assert.Equal("marts", model.Layer);
        Assert.Equal(Materialization.Table, model.Materialized);
        Assert.Equal("Plans, for analysts on two lines.", model.Description);
        Assert.Equal([new ColumnDoc("plan", "Plan id"), new ColumnDoc("year", "Reporting year, a doc on two lines")], model.Columns);
        Assert.StartsWith("-- a developer's note\nSELECT", model.Body, StringComparison.Ordinal);
        Assert.EndsWith("AS year", model.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1", "line 1: a model file starts with its settings and docs")]
    [InlineData("/*\nmaterialized: table\n", "the opening /* block is never closed")]
    [InlineData("/*\nmaterialized: table\ndescription: x\n*/\n", "no SELECT after the docs block")]
    [InlineData("/*\ndescription: x\n*/\nSELECT 1", "materialized: is missing")]
    [InlineData("/*\nmaterialized: tabel\ndescription: x\n*/\nSELECT 1", "line 2: materialized: 'tabel' is not table, view, temp table or temp view")]
    [InlineData("/*\nmaterialized: table\n*/\nSELECT 1", "needs a description:")]
    [InlineData("/*\nmaterialized: table\ndescription: x\nowner: me\n*/\nSELECT 1", "line 4: unknown setting 'owner'")]
    [InlineData("/*\nmaterialized: table\ndescription: x\ncolumns:\n  a: one\n  a: two\n*/\nSELECT 1 AS a", "line 6: column 'a' is documented twice")]
    [InlineData("/*\nmaterialized: table\ndescription: x\ncolumns:\n  no colon here\n*/\nSELECT 1", "line 5: expected 'name: text'")]
    public void A_bad_model_file_is_refused_naming_the_file_and_line(string text, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => SqlModel.Parse("marts/dim_x.sql", text));
        Assert.StartsWith("Sql/marts/dim_x.sql, line ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_temporary_model_needs_no_docs_and_leaves_nothing_in_the_warehouse()
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        ModelRunner.Run(connection, SqlModel.Parse("intermediate/int_x.sql", "/*\nmaterialized: temp table\n*/\nSELECT 1 AS a"), default);
        using var command = connection.CreateCommand("SELECT count(*) FROM duckdb_tables() WHERE NOT temporary");
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_build_refuses_a_model_whose_column_docs_miss_a_column_or_name_one_it_does_not_return()
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        var model = SqlModel.Parse("marts/dim_x.sql", "/*\nmaterialized: table\ndescription: x\ncolumns:\n  a: one\n  gone: renamed\n*/\nSELECT 1 AS a, 2 AS b");
        var ex = Assert.Throws<InvalidOperationException>(() => ModelRunner.Run(connection, model, default));
        Assert.Equal(
            "Warehouse build step Sql/marts/dim_x.sql: the column docs do not match what the model returns; undocumented: b; documented but not returned: gone.",
            ex.Message);
    }

    [Fact]
    public void A_published_model_is_commented_from_its_docs()
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        ModelRunner.Run(connection, SqlModel.Parse("marts/dim_x.sql", Good), default);
        using var command = connection.CreateCommand(
            "SELECT (SELECT comment FROM duckdb_tables() WHERE table_name = 'dim_x') || ' | ' || string_agg(comment, ' | ' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = 'dim_x'");
        Assert.Equal("Plans, for analysts on two lines. | Plan id | Reporting year, a doc on two lines", command.ExecuteScalar());
    }

    [Fact]
    public void A_failing_select_names_its_file()
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        var model = SqlModel.Parse("marts/dim_x.sql", "/*\nmaterialized: table\ndescription: x\ncolumns:\n  a: one\n*/\nSELECT a FROM no_such_table");
        var ex = Assert.Throws<InvalidOperationException>(() => ModelRunner.Run(connection, model, default));
        Assert.StartsWith("Warehouse build step Sql/marts/dim_x.sql failed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
    }
}

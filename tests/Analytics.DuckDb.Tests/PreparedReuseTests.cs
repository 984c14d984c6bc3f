using Analytics.DuckDb;

namespace Analytics.DuckDb.Tests;

/// <summary>A command run again with the same text reuses its prepared statement; the reuse must never change results.</summary>
public class PreparedReuseTests
{
    [Fact]
    public void The_same_command_run_with_new_parameter_values_returns_each_runs_own_rows()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand("CREATE TABLE t AS SELECT i, i * i AS sq FROM range(100) r(i)"))
        {
            create.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand("SELECT sq FROM t WHERE i = $i");
        var parameter = command.Parameters.Add("i", 0L);
        for (var i = 0L; i < 50; i++)
        {
            parameter.Value = i;
            Assert.Equal(i * i, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Changing_the_text_prepares_the_new_text()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand("SELECT 1");
        Assert.Equal(1, command.ExecuteScalar());
        command.CommandText = "SELECT 2";
        Assert.Equal(2, command.ExecuteScalar());
    }

    [Fact]
    public void A_table_recreated_with_other_columns_between_runs_is_read_as_it_is_now()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var setup = connection.CreateCommand("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7)");
        setup.ExecuteNonQuery();
        using var command = connection.CreateCommand("SELECT * FROM t");
        Assert.Equal(7, command.ExecuteScalar());

        setup.CommandText = "DROP TABLE t; CREATE TABLE t (v VARCHAR); INSERT INTO t VALUES ('seven')";
        setup.ExecuteNonQuery();
        Assert.Equal("seven", command.ExecuteScalar());
    }

    [Fact]
    public void Closing_the_connection_releases_prepared_statements_of_commands_never_disposed()
    {
        var folder = Directory.CreateTempSubdirectory("prepared-");
        try
        {
            var path = Path.Combine(folder.FullName, "p.duckdb");
            var connection = new DuckDbConnection($"Data Source={path}");
            connection.Open();
            var command = connection.CreateCommand("CREATE TABLE t AS SELECT 1 AS v");
            command.ExecuteNonQuery();
            var kept = connection.CreateCommand("SELECT v FROM t");
            Assert.Equal(1, kept.ExecuteScalar());
            connection.Close();

            // The file's writable instance is gone: it opens now with other settings (read-only), which a still-open
            // writable instance in this process would refuse.
            using var reader = new DuckDbConnection($"Data Source={path};access_mode=READ_ONLY");
            reader.Open();
            using var check = reader.CreateCommand("SELECT v FROM t");
            Assert.Equal(1, check.ExecuteScalar());
            GC.KeepAlive(kept);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_command_moved_to_another_connection_prepares_there()
    {
        using var first = new DuckDbConnection("Data Source=:memory:");
        first.Open();
        using var second = new DuckDbConnection("Data Source=:memory:");
        second.Open();
        using (var c = second.CreateCommand("CREATE TABLE only_here AS SELECT 42 AS v"))
        {
            c.ExecuteNonQuery();
        }

        using var command = first.CreateCommand("SELECT 41 + 1");
        Assert.Equal(42, command.ExecuteScalar());
        command.Connection = second;
        command.CommandText = "SELECT v FROM only_here";
        Assert.Equal(42, command.ExecuteScalar());
    }
}

using System.Data;

namespace Analytics.DuckDb.Tests;

public sealed class ResultSetTests
{
    [Fact]
    public void A_result_of_a_million_rows_streams_through_every_chunk()
    {
        const long rows = 1_000_003;
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand($"SELECT i FROM range({rows}) t(i)");
        using var reader = command.ExecuteReader();

        long count = 0, sum = 0;
        while (reader.Read())
        {
            sum += reader.GetInt64(0);
            count++;
        }

        Assert.Equal(rows, count);
        Assert.Equal(rows * (rows - 1) / 2, sum);
    }

    [Fact]
    public void HasRows_is_known_before_the_first_Read()
    {
        using var connection = Sql.OpenMemory();
        using (var empty = connection.CreateCommand("SELECT 1 WHERE false").ExecuteReader())
        {
            Assert.False(empty.HasRows);
            Assert.Equal(1, empty.FieldCount);
            Assert.False(empty.Read());
        }

        using var some = connection.CreateCommand("SELECT 1; SELECT 2 WHERE false").ExecuteReader();
        Assert.True(some.HasRows);
        Assert.True(some.Read());
        Assert.False(some.Read());
        Assert.True(some.HasRows);
        Assert.True(some.NextResult());
        Assert.False(some.HasRows);
        Assert.False(some.NextResult());
        Assert.False(some.HasRows);
    }

    [Fact]
    public void NextResult_walks_the_queries_of_a_multi_statement_command()
    {
        using var connection = Sql.OpenMemory();
        using var command = connection.CreateCommand(
            "CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1), (2), (3); SELECT i FROM t ORDER BY i; UPDATE t SET i = i * 10 WHERE i > 1; SELECT count(*), sum(i) FROM t;");
        using var reader = command.ExecuteReader();

        Assert.Equal(3, reader.RecordsAffected);
        var first = new List<int>();
        while (reader.Read())
        {
            first.Add(reader.GetInt32(0));
        }

        Assert.Equal([1, 2, 3], first);
        Assert.True(reader.NextResult());
        Assert.Equal(5, reader.RecordsAffected);
        Assert.True(reader.Read());
        Assert.Equal(3L, reader.GetInt64(0));
        Assert.Equal(1 + 20 + 30, reader.GetInt64(1));
        Assert.False(reader.NextResult());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Closing_a_reader_early_still_runs_the_remaining_statements()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (i INTEGER)");
        using (var reader = connection.CreateCommand("SELECT 1; INSERT INTO t VALUES (1), (2)").ExecuteReader())
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(2L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ExecuteNonQuery_returns_the_rows_changed_and_minus_one_for_queries()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (i INTEGER)");

        Assert.Equal(4, connection.Execute("INSERT INTO t SELECT * FROM range(4)"));
        Assert.Equal(2, connection.Execute("UPDATE t SET i = -i WHERE i >= 2"));
        Assert.Equal(1, connection.Execute("DELETE FROM t WHERE i = 0"));
        Assert.Equal(1 + 3, connection.Execute("INSERT INTO t VALUES (7); DELETE FROM t WHERE i < 0 OR i = 7"));
        Assert.Equal(-1, connection.Execute("SELECT * FROM t"));
        Assert.Equal(1L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ExecuteScalar_returns_the_first_value_null_or_DBNull()
    {
        using var connection = Sql.OpenMemory();

        Assert.Equal(42, connection.Scalar("SELECT 42, 43 UNION ALL SELECT 44, 45"));
        Assert.Equal(DBNull.Value, connection.Scalar("SELECT NULL"));
        Assert.Null(connection.Scalar("SELECT 1 WHERE false"));
        Assert.Null(connection.Scalar("CREATE TABLE t (i INTEGER)"));
        Assert.Equal("重庆", connection.Scalar("SELECT '重庆'"));
    }

    [Fact]
    public async Task Async_methods_return_the_same_results()
    {
        await using var connection = new DuckDbConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand("SELECT i FROM range(5000) t(i)");

        Assert.Equal(0L, await command.ExecuteScalarAsync());
        await using var reader = await command.ExecuteReaderAsync();
        long sum = 0;
        while (await reader.ReadAsync())
        {
            sum += reader.GetInt64(0);
        }

        Assert.Equal(4999L * 5000 / 2, sum);
    }

    [Fact]
    public void CommandBehavior_CloseConnection_closes_the_connection_with_the_reader()
    {
        var connection = Sql.OpenMemory();
        using (var reader = connection.CreateCommand("SELECT 1").ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
        connection.Dispose();
    }

    [Fact]
    public void Returning_clause_rows_are_a_result_set()
    {
        using var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
        using var command = connection.CreateCommand("INSERT INTO t VALUES (1, 'a'), (2, '重庆') RETURNING id, name");
        using var reader = command.ExecuteReader();

        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(1));
        }

        Assert.Equal(["a", "重庆"], names);
    }
}

using System.Data;
using System.Diagnostics;

namespace Analytics.DuckDb.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void A_file_database_closed_and_reopened_keeps_its_data()
    {
        using var temp = new TempDirectory();
        var path = temp.File("重庆-data.duckdb");
        using (var first = Sql.OpenFile(path))
        {
            first.Execute("CREATE TABLE t AS SELECT i, '璧山' || i AS name FROM range(1000) t(i)");
        }

        Assert.True(File.Exists(path));
        using var second = Sql.OpenFile(path);
        Assert.Equal(1000L, second.Scalar("SELECT count(*) FROM t"));
        Assert.Equal("璧山999", second.Scalar("SELECT name FROM t WHERE i = 999"));
        Assert.Equal("重庆-data", second.Database);
        Assert.Equal(path, second.DataSource);
    }

    [Fact]
    public void Connections_to_the_same_path_share_one_database_and_see_each_others_commits()
    {
        using var temp = new TempDirectory();
        var path = temp.File("shared.duckdb");
        using var a = Sql.OpenFile(path);
        using var b = Sql.Open("Data Source=" + Path.Combine(temp.Path, ".", "shared.duckdb"));

        a.Execute("CREATE TABLE t (v VARCHAR)");
        a.Execute("INSERT INTO t VALUES ('from a')");
        Assert.Equal("from a", b.Scalar("SELECT v FROM t"));
        b.Execute("INSERT INTO t VALUES ('from b')");
        Assert.Equal(2L, a.Scalar("SELECT count(*) FROM t"));

        // Both connections are attached to the same file in the same engine instance.
        Assert.Equal(a.Scalar("SELECT path FROM duckdb_databases() WHERE database_name = current_database()"),
            b.Scalar("SELECT path FROM duckdb_databases() WHERE database_name = current_database()"));
    }

    [Fact]
    public void A_file_already_open_with_other_settings_is_refused_instead_of_opened_twice()
    {
        using var temp = new TempDirectory();
        var path = temp.File("settings.duckdb");
        using var first = Sql.OpenFile(path);
        first.Execute("CREATE TABLE t (i INTEGER); INSERT INTO t VALUES (1)");

        // A second engine instance of the file would not see the first one's rows and would overwrite its writes.
        var ex = Assert.Throws<DuckDbException>(() => Sql.Open($"Data Source={path};threads=1"));
        Assert.Contains("different configuration", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DuckDbException>(() => Sql.Open($"Data Source={path};access_mode=READ_ONLY"));

        using var same = Sql.OpenFile(path);
        same.Execute("INSERT INTO t VALUES (2)");
        Assert.Equal(2L, first.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Opening_a_file_while_a_closed_connections_appender_still_holds_it_is_refused_until_it_is_disposed()
    {
        using var temp = new TempDirectory();
        var path = temp.File("appender-shared.duckdb");
        var first = Sql.OpenFile(path);
        first.Execute("CREATE TABLE t (i INTEGER)");
        var appender = first.CreateAppender("t");
        first.Dispose();

        // A second writable instance of the file would overwrite the first one's writes.
        var ex = Assert.Throws<DuckDbException>(() => Sql.OpenFile(path));
        Assert.Contains("appender", ex.Message, StringComparison.Ordinal);

        appender.AppendRow(7);
        appender.Close();

        using var second = Sql.OpenFile(path);
        Assert.Equal(7, second.Scalar("SELECT i FROM t"));
    }

    [Fact]
    public void In_memory_connections_are_separate_databases()
    {
        using var a = Sql.OpenMemory();
        using var b = Sql.OpenMemory();
        a.Execute("CREATE TABLE only_in_a (i INTEGER)");

        Assert.Throws<DuckDbException>(() => b.Scalar("SELECT * FROM only_in_a"));
    }

    [Fact]
    public void Disposing_the_connection_before_its_reader_closes_the_reader()
    {
        var connection = Sql.OpenMemory();
        var reader = connection.CreateCommand("SELECT i FROM range(100000) t(i)").ExecuteReader();
        Assert.True(reader.Read());

        connection.Dispose();

        Assert.True(reader.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => reader.Read());
        reader.Dispose();
        reader.Dispose();
    }

    [Fact]
    public void Disposing_a_reader_twice_is_harmless()
    {
        using var connection = Sql.OpenMemory();
        var reader = connection.CreateCommand("SELECT 1").ExecuteReader();
        reader.Dispose();
        reader.Dispose();
        reader.Close();

        Assert.Throws<ObjectDisposedException>(() => reader.Read());
        Assert.Throws<ObjectDisposedException>(() => reader.NextResult());
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void Disposing_an_appender_after_its_connection_does_not_crash()
    {
        using var temp = new TempDirectory();
        var path = temp.File("appender.duckdb");
        var connection = Sql.OpenFile(path);
        connection.Execute("CREATE TABLE t (i INTEGER)");
        var appender = connection.CreateAppender("t");
        appender.AppendRow(1);

        connection.Dispose();
        appender.Dispose();
        appender.Dispose();

        Assert.Throws<ObjectDisposedException>(() => appender.CreateRow());
        using var reopened = Sql.OpenFile(path);
        Assert.InRange((long)reopened.Scalar("SELECT count(*) FROM t")!, 0, 1);
    }

    [Fact]
    public void Disposing_a_command_after_its_connection_and_using_it_again_is_an_InvalidOperation()
    {
        var connection = Sql.OpenMemory();
        var command = connection.CreateCommand("SELECT 1");
        Assert.Equal(1, command.ExecuteScalar());

        connection.Dispose();
        var ex = Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        Assert.Contains("not open", ex.Message, StringComparison.Ordinal);
        command.Dispose();
        command.Dispose();
    }

    [Fact]
    public void A_closed_connection_refuses_appenders_and_transactions_and_can_be_reopened()
    {
        var connection = Sql.OpenMemory();
        connection.Close();
        connection.Close();

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Throws<InvalidOperationException>(() => connection.CreateAppender("t"));
        Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
        connection.Open();
        Assert.Throws<InvalidOperationException>(() => connection.Open());
        Assert.Equal(1, connection.Scalar("SELECT 1"));
        connection.Dispose();
        connection.Dispose();
    }

    [Fact]
    public void The_connection_string_cannot_change_while_open()
    {
        using var connection = Sql.OpenMemory();

        Assert.Throws<InvalidOperationException>(() => connection.ConnectionString = "Data Source=other.duckdb");
        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public void State_change_events_are_raised_on_open_and_close()
    {
        using var connection = new DuckDbConnection();
        var changes = new List<(ConnectionState From, ConnectionState To)>();
        connection.StateChange += (_, e) => changes.Add((e.OriginalState, e.CurrentState));

        connection.Open();
        connection.Close();

        Assert.Equal([(ConnectionState.Closed, ConnectionState.Open), (ConnectionState.Open, ConnectionState.Closed)], changes);
    }
}

[Collection(SerialCollection.Name)]
public sealed class LifecycleMemoryTests
{
    [Fact]
    public void Repeated_open_query_close_of_connections_does_not_grow_memory_without_bound()
    {
        using var temp = new TempDirectory();
        var path = temp.File("churn.duckdb");

        // The keeper holds the shared database open, so each iteration opens and closes a native connection.
        using var keeper = Sql.OpenFile(path);
        keeper.Execute("CREATE TABLE t AS SELECT i, 'name ' || i AS name FROM range(1000) t(i)");

        Churn(path, 200);
        var warm = Measure();
        Churn(path, 2000);
        var end = Measure();

        AssertBounded(warm, end);
    }

    [Fact]
    public void Repeated_open_and_close_of_a_file_database_does_not_grow_memory_without_bound()
    {
        using var temp = new TempDirectory();
        var path = temp.File("reopen.duckdb");
        using (var setup = Sql.OpenFile(path))
        {
            setup.Execute("CREATE TABLE t AS SELECT i, 'name ' || i AS name FROM range(1000) t(i)");
        }

        // No keeper: every iteration opens the native database from the file and closes it again.
        Churn(path, 50);
        var warm = Measure();
        Churn(path, 250);
        var end = Measure();

        AssertBounded(warm, end);
    }

    private static void Churn(string path, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            using var connection = Sql.OpenFile(path);
            using var command = connection.CreateCommand("SELECT count(*), max(name) FROM t WHERE i >= $1");
            command.Parameters.AddPositional(i % 1000);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(1000L - (i % 1000), reader.GetInt64(0));
        }
    }

    private static void AssertBounded((long Managed, long WorkingSet) warm, (long Managed, long WorkingSet) end)
    {
        // Generous: a leak of a native database, connection or result per iteration would be far beyond this.
        Assert.True(end.Managed < (warm.Managed * 2) + (32L << 20), $"Managed heap grew from {warm.Managed:N0} to {end.Managed:N0} bytes.");
        Assert.True(end.WorkingSet < (warm.WorkingSet * 2) + (256L << 20), $"Working set grew from {warm.WorkingSet:N0} to {end.WorkingSet:N0} bytes.");
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}

using System.Data;

namespace Analytics.DuckDb.Tests;

public sealed class TransactionTests
{
    private static DuckDbConnection WithTable()
    {
        var connection = Sql.OpenMemory();
        connection.Execute("CREATE TABLE t (i INTEGER)");
        return connection;
    }

    [Fact]
    public void Commit_keeps_the_changes()
    {
        using var connection = WithTable();
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (1), (2)");
            transaction.Commit();
            Assert.Null(transaction.Connection);
        }

        Assert.Null(connection.Transaction);
        Assert.Equal(2L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Rollback_discards_the_changes()
    {
        using var connection = WithTable();
        var transaction = connection.BeginTransaction();
        connection.Execute("INSERT INTO t VALUES (1), (2)");
        Assert.Equal(2L, connection.Scalar("SELECT count(*) FROM t"));
        transaction.Rollback();

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Throws<InvalidOperationException>(() => transaction.Commit());
    }

    [Fact]
    public void Disposing_without_commit_rolls_back()
    {
        using var connection = WithTable();
        using (connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (1)");
        }

        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
        using var again = connection.BeginTransaction();
        again.Commit();
    }

    [Fact]
    public void A_nested_BeginTransaction_is_an_InvalidOperation()
    {
        using var connection = WithTable();
        using var transaction = connection.BeginTransaction();

        var ex = Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
        Assert.Contains("already", ex.Message, StringComparison.Ordinal);
        connection.Execute("INSERT INTO t VALUES (1)");
        transaction.Commit();
        Assert.Equal(1L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void An_uncommitted_transaction_is_invisible_to_other_connections_and_rolled_back_on_close()
    {
        using var temp = new TempDirectory();
        var path = temp.File("tx.duckdb");
        using var observer = Sql.OpenFile(path);
        observer.Execute("CREATE TABLE t (i INTEGER)");

        var connection = Sql.OpenFile(path);
        var transaction = connection.BeginTransaction(IsolationLevel.Snapshot);
        connection.Execute("INSERT INTO t VALUES (1)");
        Assert.Equal(0L, observer.Scalar("SELECT count(*) FROM t"));
        connection.Dispose();
        transaction.Dispose();

        Assert.Equal(0L, observer.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Isolation_levels_weaker_than_snapshot_are_refused()
    {
        using var connection = WithTable();

        Assert.Throws<ArgumentException>(() => connection.BeginTransaction(IsolationLevel.ReadUncommitted));
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        Assert.Equal(IsolationLevel.Serializable, transaction.IsolationLevel);
    }
}

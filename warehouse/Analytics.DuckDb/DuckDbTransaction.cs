using System.Data;
using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>A DuckDB transaction (snapshot isolation). Disposing it without <see cref="Commit"/> rolls it back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        IsolationLevel = isolationLevel;
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel { get; }

    /// <summary>The connection, or null once the transaction has finished.</summary>
    public new DuckDbConnection? Connection => _connection;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => _connection;

    /// <inheritdoc />
    public override void Commit() => Finish("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Finish("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { State: ConnectionState.Open })
        {
            Rollback();
        }

        base.Dispose(disposing);
    }

    /// <summary>Forgets the transaction when its connection closes (DuckDB rolls it back itself).</summary>
    internal void Abandon() => _connection = null;

    private void Finish(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        try
        {
            connection.ExecuteScalarText(sql);
        }
        finally
        {
            _connection = null;
            connection.Transaction = null;
        }
    }
}

using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// SQL text for DuckDB: one or several statements separated by semicolons, with parameters written <c>$name</c>,
/// <c>$1</c> or <c>?</c> (and <c>@name</c> for the names in <see cref="Parameters"/>). Statements run in order; the
/// reader's result sets are those of the statements that return rows.
/// </summary>
/// <remarks>
/// Execution is synchronous (DuckDB has no asynchronous API); the async methods honour their
/// <see cref="CancellationToken"/> by interrupting DuckDB. <see cref="Cancel"/> and <see cref="CommandTimeout"/> do the
/// same; an interrupted command throws <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class DuckDbCommand : DbCommand
{
    private string _commandText = "";
    private int _timeout;
    private ExecutionScope? _scope;
    private PreparedStatementHandle? _prepared;
    private string? _preparedText;

    /// <summary>Creates a command with no connection.</summary>
    public DuckDbCommand()
    {
    }

    /// <summary>Creates a command with text and a connection.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        Connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? "";
    }

    /// <summary>
    /// Seconds before the command is interrupted; 0 (the default) waits for ever, since analytical queries are long by
    /// nature. The limit covers execution and reading the result.
    /// </summary>
    public override int CommandTimeout
    {
        get => _timeout;
        set => _timeout = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "CommandTimeout cannot be negative.");
    }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB commands are SQL text only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The connection the command runs on.</summary>
    public new DuckDbConnection? Connection { get; set; }

    /// <summary>The command's parameters.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <summary>The transaction the command runs in (DuckDB has one per connection; this is informational).</summary>
    public new DuckDbTransaction? Transaction { get; set; }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = (DuckDbConnection?)value;
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (DuckDbTransaction?)value;
    }

    /// <summary>Interrupts the command if it is running on its connection now; otherwise does nothing.</summary>
    public override void Cancel() => _scope?.Interrupt(InterruptReason.Cancel);

    /// <inheritdoc />
    public override int ExecuteNonQuery() => ExecuteNonQuery(CancellationToken.None);

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ExecuteNonQuery(cancellationToken));

    /// <inheritdoc />
    public override object? ExecuteScalar() => ExecuteScalar(CancellationToken.None);

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ExecuteScalar(cancellationToken));

    /// <summary>Runs the command and returns a reader over its result sets.</summary>
    public new DuckDbDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default, CancellationToken.None);

    /// <summary>Runs the command and returns a reader over its result sets.</summary>
    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => ExecuteReader(behavior, CancellationToken.None);

    /// <summary>Runs the command and returns a reader; the token interrupts execution and reading.</summary>
    public DuckDbDataReader ExecuteReader(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var scope = Begin(cancellationToken, out var batch);
        try
        {
            return new DuckDbDataReader(this, batch, scope, behavior);
        }
        catch
        {
            batch.Dispose();
            End(scope);
            throw;
        }
    }

    /// <summary>Runs the command asynchronously and returns a reader.</summary>
    public new Task<DuckDbDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ExecuteReader(CommandBehavior.Default, cancellationToken));

    /// <inheritdoc />
    public override void Prepare()
    {
        // Statements are prepared natively at execution, one at a time (a statement may depend on an earlier one).
    }

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior, CancellationToken.None);

    /// <inheritdoc />
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Task.FromResult<DbDataReader>(ExecuteReader(behavior, cancellationToken));

    /// <summary>Ends the command's time on the connection (called by its reader when it closes).</summary>
    internal void End(ExecutionScope scope)
    {
        Interlocked.CompareExchange(ref _scope, null, scope);
        scope.Dispose();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ForgetPrepared();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Keeps a single statement's prepared form, so running the same text again (the usual pattern of a command
    /// executed with new parameter values) skips parsing and planning. The connection disposes it when it closes.
    /// </summary>
    private void KeepPrepared(DuckDbConnection connection, PreparedStatementHandle prepared, string text)
    {
        ForgetPrepared();
        _prepared = prepared;
        _preparedText = text;
        connection.TrackPrepared(prepared);
    }

    private void ForgetPrepared()
    {
        if (_prepared is null)
        {
            return;
        }

        Connection?.UntrackPrepared(_prepared);
        _prepared.Dispose();
        _prepared = null;
        _preparedText = null;
    }

    private int ExecuteNonQuery(CancellationToken token)
    {
        var scope = Begin(token, out var batch);
        try
        {
            long changed = -1;
            while (batch.HasNext)
            {
                using var result = batch.ExecuteNext();
                if (!result.IsQuery)
                {
                    changed = Math.Max(changed, 0) + result.RowsChanged;
                }
                else
                {
                    // Run the query to its end so its errors (and its side effects, e.g. COPY … TO) happen here.
                    while (result.FetchChunk())
                    {
                    }
                }
            }

            return (int)Math.Min(changed, int.MaxValue);
        }
        finally
        {
            batch.Dispose();
            End(scope);
        }
    }

    private object? ExecuteScalar(CancellationToken token)
    {
        using var reader = ExecuteReader(CommandBehavior.Default, token);
        object? value = null;
        if (reader.FieldCount > 0 && reader.Read())
        {
            value = reader.GetValue(0);
        }

        return value;
    }

    private ExecutionScope Begin(CancellationToken token, out StatementBatch batch)
    {
        var connection = Connection ?? throw new InvalidOperationException("The command has no Connection.");
        var handle = connection.OpenHandle();
        if (string.IsNullOrWhiteSpace(_commandText))
        {
            throw new InvalidOperationException("The command has no CommandText.");
        }

        var scope = new ExecutionScope(connection, _timeout, token);
        try
        {
            var names = Parameters.Count == 0
                ? []
                : Parameters.Cast<DuckDbParameter>().Select(p => p.BareName).Where(n => n.Length > 0).ToList();
            var text = ParameterPrefixRewriter.Rewrite(_commandText, names);
            if (_prepared is { IsClosed: false } kept && _preparedText == text && connection.Owns(kept))
            {
                batch = new StatementBatch(handle, kept, Parameters, scope);
            }
            else
            {
                ForgetPrepared();
                batch = new StatementBatch(handle, text, Parameters, scope) { Keep = prepared => KeepPrepared(connection, prepared, text) };
            }

            _scope = scope;
            return scope;
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}

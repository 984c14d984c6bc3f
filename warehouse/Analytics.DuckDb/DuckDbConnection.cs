using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// A connection to a DuckDB database: a file (shared with the other connections to it in this process) or a private
/// <c>:memory:</c> database. Settings come from the connection string (see <see cref="DuckDbConnectionStringBuilder"/>).
/// </summary>
/// <remarks>
/// A connection serves one command at a time and is not thread-safe, as DuckDB's own connections are not: use one
/// connection per thread (they are cheap; the database is shared). Starting a command while another command or an open
/// data reader holds the connection — from any thread — throws <see cref="InvalidOperationException"/> instead of
/// corrupting native state.
/// </remarks>
public sealed class DuckDbConnection : DbConnection
{
    private readonly Lock _gate = new();
    private string _connectionString = "";
    private DuckDbConnectionStringBuilder _options = new();
    private SharedDatabase? _database;
    private ConnectionHandle? _handle;
    private ExecutionScope? _current;
    private DuckDbDataReader? _reader;
    private readonly HashSet<PreparedStatementHandle> _prepared = [];
    private string? _databaseName;

    /// <summary>Creates a closed connection with no connection string (an in-memory database once opened).</summary>
    public DuckDbConnection()
    {
    }

    /// <summary>Creates a closed connection.</summary>
    public DuckDbConnection(string connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (State != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            _options = new DuckDbConnectionStringBuilder(value ?? "");
            _connectionString = value ?? "";
        }
    }

    /// <summary>The current catalog (<c>current_database()</c>) when open; the file name without extension when closed.</summary>
    public override string Database => _databaseName ?? (_options.IsInMemory ? "memory" : Path.GetFileNameWithoutExtension(_options.DataSource));

    /// <summary>The database file path, or <c>:memory:</c>.</summary>
    public override string DataSource => _options.DataSource;

    /// <summary>The DuckDB engine's version, e.g. <c>v1.5.6</c>.</summary>
    public override string ServerVersion => DuckDbEngine.Version;

    /// <inheritdoc />
    public override ConnectionState State => _handle is null ? ConnectionState.Closed : ConnectionState.Open;

    /// <summary>The transaction begun on this connection and not yet finished, if any.</summary>
    public DuckDbTransaction? Transaction { get; internal set; }

    /// <inheritdoc />
    protected override DbProviderFactory DbProviderFactory => DuckDbProviderFactory.Instance;

    /// <inheritdoc />
    public override void Open()
    {
        if (_handle is not null)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = SharedDatabase.Acquire(_options);
        try
        {
            if (NativeMethods.duckdb_connect(database.Handle.DangerousGetHandle(), out var connection) != DuckDbState.Success)
            {
                throw new DuckDbException($"DuckDB could not connect to '{DataSource}'.", DuckDbErrorType.Connection);
            }

            var handle = new ConnectionHandle();
            handle.Attach(connection, database.Handle);
            _handle = handle;
            _database = database;
        }
        catch
        {
            database.Release();
            throw;
        }

        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
        _databaseName = ExecuteScalarText("SELECT current_database()") as string;
    }

    /// <summary>
    /// Opens another connection to this connection's database — the way to reach a private <c>:memory:</c> database
    /// from a second thread (each connection serves one thread). The database lives until its last connection closes.
    /// </summary>
    public DuckDbConnection OpenSibling()
    {
        var database = (_database ?? throw new InvalidOperationException("The connection is not open. Call Open() first.")).AddReference();
        var sibling = new DuckDbConnection(_connectionString);
        try
        {
            if (NativeMethods.duckdb_connect(database.Handle.DangerousGetHandle(), out var connection) != DuckDbState.Success)
            {
                throw new DuckDbException($"DuckDB could not connect to '{DataSource}'.", DuckDbErrorType.Connection);
            }

            var handle = new ConnectionHandle();
            handle.Attach(connection, database.Handle);
            sibling._handle = handle;
            sibling._database = database;
        }
        catch
        {
            database.Release();
            throw;
        }

        sibling._databaseName = sibling.ExecuteScalarText("SELECT current_database()") as string;
        return sibling;
    }

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    /// <summary>Closes the connection: its open reader is closed, an unfinished transaction is rolled back.</summary>
    public override void Close()
    {
        if (_handle is null)
        {
            return;
        }

        try
        {
            _reader?.Dispose();
        }
        catch (Exception ex) when (ex is DuckDbException or OperationCanceledException)
        {
            // Closing must not fail because a statement after the current one failed.
        }

        Transaction?.Abandon();
        Transaction = null;
        foreach (var prepared in _prepared)
        {
            prepared.Dispose();
        }

        _prepared.Clear();
        _handle.Dispose();
        _handle = null;
        _database?.Release();
        _database = null;
        _databaseName = null;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Switches the current catalog (<c>USE</c>) to an attached database.</summary>
    public override void ChangeDatabase(string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ExecuteScalarText("USE " + QuoteIdentifier(databaseName));
        _databaseName = ExecuteScalarText("SELECT current_database()") as string;
    }

    /// <summary>Begins a transaction (DuckDB's snapshot isolation, whatever level is asked for at or above read committed).</summary>
    public new DuckDbTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Unspecified);

    /// <summary>Begins a transaction.</summary>
    public new DuckDbTransaction BeginTransaction(IsolationLevel isolationLevel) => (DuckDbTransaction)BeginDbTransaction(isolationLevel);

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Creates a command with text on this connection.</summary>
    public DuckDbCommand CreateCommand(string commandText) => new(commandText, this);

    /// <summary>Opens a bulk appender on a table (in the current schema).</summary>
    public DuckDbAppender CreateAppender(string table) => new(this, null, null, table);

    /// <summary>Opens a bulk appender on a table in a schema.</summary>
    public DuckDbAppender CreateAppender(string? schema, string table) => new(this, null, schema, table);

    /// <summary>Opens a bulk appender on a table in a catalog (attached database) and schema.</summary>
    public DuckDbAppender CreateAppender(string? catalog, string? schema, string table) => new(this, catalog, schema, table);

    /// <summary>
    /// Schema collections: <c>MetaDataCollections</c>, <c>Tables</c> (restrictions: catalog, schema, table, type) and
    /// <c>Columns</c> (restrictions: catalog, schema, table, column), from DuckDB's information_schema.
    /// </summary>
    public override DataTable GetSchema() => GetSchema("MetaDataCollections");

    /// <inheritdoc />
    public override DataTable GetSchema(string collectionName) => GetSchema(collectionName, []);

    /// <inheritdoc />
    public override DataTable GetSchema(string collectionName, string?[] restrictionValues) =>
        SchemaCollections.Get(this, collectionName, restrictionValues);

    /// <summary>Quotes an identifier for DuckDB SQL (<c>"name"</c>, doubling inner quotes).</summary>
    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// <paramref name="text"/> as a single-quoted SQL literal, inner quotes doubled: for the few places DuckDB takes no
    /// parameter (<c>COPY … TO</c>, <c>ATTACH</c>), and only for text the program chose (file paths, names).
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a NUL character (DuckDB's C API would cut the statement there).</exception>
    public static string QuoteLiteral(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A SQL literal cannot hold a NUL character.", nameof(text));
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel is IsolationLevel.ReadUncommitted or IsolationLevel.Chaos)
        {
            throw new ArgumentException($"DuckDB offers snapshot isolation; {isolationLevel} is weaker and not offered.", nameof(isolationLevel));
        }

        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already in progress on this connection; DuckDB does not nest transactions.");
        }

        ExecuteScalarText("BEGIN TRANSACTION");
        Transaction = new DuckDbTransaction(this, isolationLevel == IsolationLevel.Unspecified ? IsolationLevel.Snapshot : isolationLevel);
        return Transaction;
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>The native connection of an open connection; throws when closed or disposed.</summary>
    internal ConnectionHandle OpenHandle() =>
        _handle ?? throw new InvalidOperationException("The connection is not open. Call Open() first.");

    internal object? ExecuteScalarText(string sql)
    {
        using var command = CreateCommand(sql);
        return command.ExecuteScalar();
    }

    internal void Enter(ExecutionScope scope)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                throw new InvalidOperationException(
                    _reader is not null
                        ? "The connection has an open DuckDbDataReader; close it before running another command (or use another connection)."
                        : "The connection is already running a command, probably on another thread. A DuckDbConnection serves one command at a time: use one connection per thread.");
            }

            _current = scope;
        }
    }

    internal void Leave(ExecutionScope scope)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, scope))
            {
                _current = null;
            }
        }
    }

    /// <summary>Interrupts DuckDB if <paramref name="scope"/> is still the command running on this connection.</summary>
    internal void Interrupt(ExecutionScope scope)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, scope) && _handle is { IsClosed: false } handle)
            {
                NativeMethods.duckdb_interrupt(handle.DangerousGetHandle());
            }
        }
    }

    internal void TrackReader(DuckDbDataReader reader) => _reader = reader;

    /// <summary>Statements its commands keep prepared: disposed when the connection closes (they hold its native connection).</summary>
    internal void TrackPrepared(PreparedStatementHandle prepared) => _prepared.Add(prepared);

    internal void UntrackPrepared(PreparedStatementHandle prepared) => _prepared.Remove(prepared);

    /// <summary>True when <paramref name="prepared"/> was prepared on this connection while it is still open.</summary>
    internal bool Owns(PreparedStatementHandle prepared) => _handle is not null && _prepared.Contains(prepared);

    internal void UntrackReader(DuckDbDataReader reader)
    {
        if (ReferenceEquals(_reader, reader))
        {
            _reader = null;
        }
    }
}

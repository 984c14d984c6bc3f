using System.Data;
using Analytics.DuckDb.Appending;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// Bulk insert into one table through DuckDB's appender: rows are written straight into data chunks of 2048 rows,
/// each handed to DuckDB when full. Every value is checked against its column's type before it is written.
/// </summary>
/// <example>
/// <code>
/// using var appender = connection.CreateAppender("enterprise");
/// appender.CreateRow().Append("91500000…").Append(120L).AppendNull().EndRow();
/// appender.Close(); // flushes; Dispose without Close also flushes unless an append failed
/// </code>
/// </example>
public sealed class DuckDbAppender : IDisposable
{
    private const int ChunkCapacity = 2048;

    private readonly AppenderHandle _handle;
    private readonly DataChunkHandle _chunk;
    private readonly ColumnWriter[] _writers;
    private readonly string _table;
    private int _rowInChunk;
    private int _column = -1;
    private bool _failed;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? catalog, string? schema, string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        var connectionHandle = connection.OpenHandle();
        _table = schema is null ? table : schema + "." + table;
        var state = NativeMethods.duckdb_appender_create_ext(connectionHandle.DangerousGetHandle(), catalog, schema, table, out var appender);
        _handle = new AppenderHandle();
        _handle.Attach(appender, connectionHandle);
        if (state != DuckDbState.Success)
        {
            var error = TakeError();
            _handle.SetHandleAsInvalid();
            NativeMethods.duckdb_appender_destroy(ref appender);
            throw new DuckDbException($"Cannot append to '{_table}': {error.Message}", error.Type);
        }

        var count = (int)NativeMethods.duckdb_appender_column_count(appender);
        _writers = new ColumnWriter[count];
        var types = new nint[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(appender, (ulong)i);
                _writers[i] = new ColumnWriter(i, types[i]);
            }

            unsafe
            {
                fixed (nint* p = types)
                {
                    _chunk = new DataChunkHandle();
                    _chunk.Attach(NativeMethods.duckdb_create_data_chunk(p, (ulong)count), null);
                }
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (types[i] != 0)
                {
                    NativeMethods.duckdb_destroy_logical_type(ref types[i]);
                }
            }
        }

        ResetVectors();
    }

    /// <summary>Number of columns of the table.</summary>
    public int ColumnCount => _writers.Length;

    /// <summary>DuckDB type names of the table's columns, in order.</summary>
    public IReadOnlyList<string> ColumnTypes => _writers.Select(w => w.TypeName).ToArray();

    /// <summary>Rows completed with <see cref="DuckDbAppenderRow.EndRow"/> (handed to DuckDB or waiting in the current chunk).</summary>
    public long RowCount { get; private set; }

    /// <summary>Starts a row; append exactly <see cref="ColumnCount"/> values, then call <see cref="DuckDbAppenderRow.EndRow"/>.</summary>
    public DuckDbAppenderRow CreateRow()
    {
        ThrowIfUnusable();
        _column = 0;
        return new DuckDbAppenderRow(this);
    }

    /// <summary>Appends a whole row of boxed values (convenient; the typed <see cref="CreateRow"/> path does not box).</summary>
    public void AppendRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _writers.Length)
        {
            throw new ArgumentException($"'{_table}' has {_writers.Length} column(s); the row has {values.Length} value(s).", nameof(values));
        }

        var row = CreateRow();
        foreach (var value in values)
        {
            row.AppendObject(value);
        }

        row.EndRow();
    }

    /// <summary>Hands the rows so far to DuckDB and makes them visible in the table.</summary>
    public void Flush()
    {
        ThrowIfUnusable();
        SendChunk();
        Check(NativeMethods.duckdb_appender_flush(_handle.DangerousGetHandle()), "flush");
    }

    /// <summary>Flushes and closes the appender; further appends throw.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            if (!_failed)
            {
                SendChunk();
                Check(NativeMethods.duckdb_appender_close(_handle.DangerousGetHandle()), "close");
            }
        }
        finally
        {
            _closed = true;
            _chunk.Dispose();
            _handle.Dispose();
        }
    }

    /// <summary>Closes the appender, flushing unless an append failed (a failed appender is released without flushing).</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        if (_failed)
        {
            _closed = true;
            _chunk.Dispose();
            _handle.Dispose();
            return;
        }

        Close();
    }

    internal ColumnWriter NextColumn()
    {
        if (_column < 0)
        {
            throw new InvalidOperationException("Call CreateRow() before appending values.");
        }

        if (_column >= _writers.Length)
        {
            _column = -1;
            throw new InvalidOperationException($"Too many values: '{_table}' has {_writers.Length} column(s). The row was discarded.");
        }

        return _writers[_column++];
    }

    internal int CurrentRow => _rowInChunk;

    internal void DiscardRow() => _column = -1;

    internal void EndRow()
    {
        if (_column != _writers.Length)
        {
            var given = _column;
            _column = -1;
            throw new InvalidOperationException($"The row has {given} value(s) but '{_table}' has {_writers.Length} column(s). The row was discarded.");
        }

        _column = -1;
        RowCount++;
        if (++_rowInChunk == ChunkCapacity)
        {
            SendChunk();
        }
    }

    private void SendChunk()
    {
        if (_rowInChunk == 0)
        {
            return;
        }

        var chunk = _chunk.DangerousGetHandle();
        NativeMethods.duckdb_data_chunk_set_size(chunk, (ulong)_rowInChunk);
        var state = NativeMethods.duckdb_append_data_chunk(_handle.DangerousGetHandle(), chunk);
        NativeMethods.duckdb_data_chunk_reset(chunk);
        _rowInChunk = 0;
        ResetVectors();
        Check(state, "append");
    }

    private void ResetVectors()
    {
        var chunk = _chunk.DangerousGetHandle();
        for (var i = 0; i < _writers.Length; i++)
        {
            _writers[i].Reset(NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i));
        }
    }

    private void Check(DuckDbState state, string what)
    {
        if (state == DuckDbState.Success)
        {
            return;
        }

        _failed = true;
        var error = TakeError();
        throw new DuckDbException($"Appending to '{_table}' failed at {what}: {error.Message}", error.Type);
    }

    private unsafe (string Message, DuckDbErrorType Type) TakeError()
    {
        var data = NativeMethods.duckdb_appender_error_data(_handle.IsInvalid ? 0 : _handle.DangerousGetHandle());
        if (data == 0)
        {
            return ("unknown error", DuckDbErrorType.Invalid);
        }

        try
        {
            var message = Utf8.FromPointer(NativeMethods.duckdb_error_data_message(data)) ?? "unknown error";
            return (message, NativeMethods.duckdb_error_data_error_type(data));
        }
        finally
        {
            NativeMethods.duckdb_destroy_error_data(ref data);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_failed)
        {
            throw new InvalidOperationException($"The appender for '{_table}' failed earlier; dispose it and start again.");
        }
    }
}

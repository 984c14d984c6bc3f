using Analytics.DuckDb.Native;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb.Execution;

/// <summary>
/// The result of one statement: a streaming <c>duckdb_result</c> read chunk by chunk, its column readers, and the
/// prepared statement it came from (kept alive as long as the result).
/// </summary>
internal sealed unsafe class StatementResult : IDisposable
{
    private readonly PreparedStatementHandle? _prepared;
    private readonly ResultHandle _result;
    private readonly ExecutionScope _scope;
    private DataChunkHandle? _chunk;
    private ColumnReader[]? _readers;
    private string[]? _names;
    private bool _exhausted;

    /// <param name="prepared">The prepared statement to dispose with the result, or null when its command keeps it.</param>
    /// <param name="result">The result.</param>
    /// <param name="scope">The command's execution scope.</param>
    public StatementResult(PreparedStatementHandle? prepared, ResultHandle result, ExecutionScope scope)
    {
        _prepared = prepared;
        _result = result;
        _scope = scope;
        var r = result.Pointer;
        IsQuery = NativeMethods.duckdb_result_return_type(*r) == DuckDbResultType.QueryResult;
        RowsChanged = IsQuery ? 0 : (long)NativeMethods.duckdb_rows_changed(r);
        ColumnCount = (int)NativeMethods.duckdb_column_count(r);
    }

    /// <summary>True for a statement that returns rows (SELECT, … RETURNING, PRAGMA, …); false for one that changes rows or nothing.</summary>
    public bool IsQuery { get; }

    public long RowsChanged { get; }

    public int ColumnCount { get; }

    /// <summary>Rows in the current chunk.</summary>
    public int ChunkSize { get; private set; }

    public ColumnReader[] Readers => _readers ??= CreateReaders();

    public string[] Names => _names ??= CreateNames();

    /// <summary>The <c>duckdb_result</c>, for the Arrow export.</summary>
    public DuckDbResultStruct* ResultPointer => _result.Pointer;

    /// <summary>The current data chunk (0 before the first and after the last), for the Arrow export.</summary>
    public nint ChunkPointer => _chunk?.DangerousGetHandle() ?? 0;

    /// <summary>Fetches the next data chunk and points the readers at it; false at the end of the result.</summary>
    /// <param name="pointReaders">False when the chunk is exported whole (Arrow) and the column readers are not used.</param>
    public bool FetchChunk(bool pointReaders = true)
    {
        ObjectDisposedException.ThrowIf(_result.IsClosed, this);
        _chunk?.Dispose();
        _chunk = null;
        ChunkSize = 0;

        // Fetching again from a finished streaming result is an error in DuckDB ("closed pending query result").
        if (_exhausted)
        {
            return false;
        }

        var chunk = NativeMethods.duckdb_fetch_chunk(*_result.Pointer);
        if (chunk == 0)
        {
            // A streaming result ends with a null chunk both at its end and on an error (an interrupt among them).
            ThrowIfError();
            _exhausted = true;
            return false;
        }

        _chunk = new DataChunkHandle();
        _chunk.Attach(chunk, _result);
        ChunkSize = (int)NativeMethods.duckdb_data_chunk_get_size(chunk);
        if (!pointReaders)
        {
            return true;
        }

        var readers = Readers;
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i].Reset(NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i));
        }

        return true;
    }

    /// <summary>The exception for an error DuckDB reported while this result was read (an interrupt becomes a cancellation).</summary>
    public Exception Failure(string message, DuckDbErrorType type) => _scope.Failure(message, type);

    public void ThrowIfError()
    {
        var error = Utf8.FromPointer(NativeMethods.duckdb_result_error(_result.Pointer));
        if (error is null)
        {
            return;
        }

        var type = NativeMethods.duckdb_result_error_type(_result.Pointer);
        throw _scope.Failure(error, type);
    }

    public void Dispose()
    {
        _chunk?.Dispose();
        _result.Dispose();
        _prepared?.Dispose();
    }

    private ColumnReader[] CreateReaders()
    {
        var readers = new ColumnReader[ColumnCount];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = ColumnReaderFactory.CreateAndDestroy(NativeMethods.duckdb_column_logical_type(_result.Pointer, (ulong)i));
        }

        return readers;
    }

    private string[] CreateNames()
    {
        var names = new string[ColumnCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Utf8.FromPointer(NativeMethods.duckdb_column_name(_result.Pointer, (ulong)i)) ?? "";
        }

        return names;
    }
}

using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Reading;

namespace Analytics.DuckDb;

/// <summary>
/// Reads DuckDB results chunk by chunk straight from its vectors. Typed getters (<see cref="GetInt64"/>,
/// <see cref="GetString"/>, <see cref="GetFieldValue{T}"/> …) do not box. Value types: BOOLEAN bool, integers their
/// CLR width (HUGEINT <see cref="Int128"/>), DECIMAL decimal, VARCHAR string, BLOB byte[], DATE <see cref="DateOnly"/>,
/// TIME <see cref="TimeOnly"/>, TIMESTAMP <see cref="DateTime"/> (TIMESTAMPTZ with kind Utc), INTERVAL
/// <see cref="DuckDbInterval"/>, UUID <see cref="Guid"/>, ENUM string, LIST <c>List&lt;T?&gt;</c>, STRUCT
/// <c>Dictionary&lt;string, object?&gt;</c>, MAP <c>Dictionary&lt;object, object?&gt;</c>.
/// </summary>
[SuppressMessage("Design", "CA1010:Generic interface should also be implemented", Justification = "ADO.NET's DbDataReader is enumerable as IDataRecord through the non-generic IEnumerable, as every provider's reader is; a generic IEnumerable would be API beyond that contract.")]
public sealed class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand _command;
    private readonly StatementBatch _batch;
    private readonly ExecutionScope _scope;
    private readonly CommandBehavior _behavior;
    private StatementResult? _result;
    private ColumnReader[] _readers = [];
    private long _recordsAffected = -1;
    private ulong _row;
    private bool _rowValid;
    private bool _chunkPending;
    private bool _hasRows;
    private bool _closed;
    private bool _readAsArrow;

    internal DuckDbDataReader(DuckDbCommand command, StatementBatch batch, ExecutionScope scope, CommandBehavior behavior)
    {
        _command = command;
        _batch = batch;
        _scope = scope;
        _behavior = behavior;
        command.Connection!.TrackReader(this);
        try
        {
            AdvanceToNextQuery();
        }
        catch
        {
            CloseResult();
            _closed = true;
            command.Connection.UntrackReader(this);
            throw;
        }
    }

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => _result?.ColumnCount ?? 0;

    /// <summary>Whether the current result set has at least one row (also after its rows have been read).</summary>
    public override bool HasRows => _result is not null && _hasRows;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <summary>Rows inserted, updated or deleted by the statements run so far; -1 when none changed rows.</summary>
    public override int RecordsAffected => (int)Math.Min(_recordsAffected, int.MaxValue);

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        ThrowIfClosed();
        if (_result is null || _readAsArrow)
        {
            return false;
        }

        if (_chunkPending)
        {
            _chunkPending = false;
            _row = 0;
            _rowValid = true;
            return true;
        }

        if (_rowValid && (int)++_row < _result.ChunkSize)
        {
            return true;
        }

        _rowValid = false;
        while (_result.FetchChunk())
        {
            if (_result.ChunkSize > 0)
            {
                _row = 0;
                _rowValid = true;
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    /// <summary>
    /// Reads the current result set as Arrow record batches instead of row by row (call it before <see cref="Read"/>);
    /// <see cref="Read"/> returns false for this result set afterwards. The reader must stay open while batches are read.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no result set, or rows of it were already read.</exception>
    public DuckDbArrowResult ReadArrow()
    {
        ThrowIfClosed();
        if (_result is null || _readAsArrow || _rowValid)
        {
            throw new InvalidOperationException(_result is null
                ? "There is no result set to read as Arrow."
                : "ReadArrow reads a result set whole: call it before Read, and once.");
        }

        var arrow = new DuckDbArrowResult(_result, _chunkPending);
        _readAsArrow = true;
        _chunkPending = false;
        return arrow;
    }

    /// <inheritdoc />
    public override bool NextResult()
    {
        ThrowIfClosed();
        CloseResult();
        return AdvanceToNextQuery();
    }

    /// <inheritdoc />
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(NextResult());
    }

    /// <summary>Closes the reader; statements not yet run (after the current one) run now, as SQLite's provider does.</summary>
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            CloseResult();
            while (_batch.HasNext)
            {
                using var result = _batch.ExecuteNext();
                if (!result.IsQuery)
                {
                    _recordsAffected = Math.Max(_recordsAffected, 0) + result.RowsChanged;
                }
            }
        }
        finally
        {
            _closed = true;
            _batch.Dispose();
            _command.End(_scope);
            _command.Connection?.UntrackReader(this);
            if ((_behavior & CommandBehavior.CloseConnection) != 0)
            {
                _command.Connection?.Close();
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override string GetName(int ordinal)
    {
        CheckOrdinal(ordinal);
        return _result!.Names[ordinal];
    }

    /// <inheritdoc />
    [SuppressMessage("Usage", "CA2201:Do not raise reserved exception types", Justification = "ADO.NET's contract: IDataRecord.GetOrdinal throws IndexOutOfRangeException for an unknown column name.")]
    public override int GetOrdinal(string name)
    {
        ThrowIfClosed();
        var names = _result?.Names ?? [];
        var index = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw new IndexOutOfRangeException($"The result has no column named '{name}'. Columns: {string.Join(", ", names)}.");
    }

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => Column(ordinal).TypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => Column(ordinal).FieldType;

    /// <summary>DuckDB's type id of a column.</summary>
    public Native.DuckDbType GetDuckDbType(int ordinal) => Column(ordinal).DuckDbType;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => !ValidColumn(ordinal).IsValid(_row);

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        var column = ValidColumn(ordinal);
        return column.IsValid(_row) ? column.GetValue(_row) : DBNull.Value;
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(_row);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => NotNull(ordinal).GetByte(_row);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => NotNull(ordinal).GetInt16(_row);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => NotNull(ordinal).GetInt32(_row);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(_row);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => NotNull(ordinal).GetFloat(_row);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(_row);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    /// <inheritdoc />
    public override string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(_row);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => NotNull(ordinal).GetGuid(_row);

    /// <inheritdoc />
    public override char GetChar(int ordinal)
    {
        var s = GetString(ordinal);
        return s.Length > 0 ? s[0] : throw new InvalidCastException("The string is empty; it has no character.");
    }

    /// <summary>
    /// A VARCHAR's UTF-8 bytes (or a BLOB's bytes) straight from DuckDB's vector, without decoding or copying: valid
    /// until the next <see cref="Read"/>. For writers that pass text on as UTF-8 (CSV, JSON) and for huge values.
    /// </summary>
    /// <exception cref="InvalidCastException">The column is not VARCHAR or BLOB.</exception>
    public ReadOnlySpan<byte> GetUtf8(int ordinal) => NotNull(ordinal).GetBytes(_row);

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = NotNull(ordinal).GetBytes(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var s = GetString(ordinal);
        if (buffer is null)
        {
            return s.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, s.Length - dataOffset));
        s.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <summary>
    /// The value as <typeparamref name="T"/>: the column's own type, a nullable of it (NULL → null), or a conversion
    /// (an INTEGER as long, a DATE as DateTime, a LIST as an array or <c>List&lt;T&gt;</c>, …). No boxing for the
    /// common scalar types.
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        var column = ValidColumn(ordinal);
        if (!column.IsValid(_row))
        {
            // object and DBNull first: they are classes too, but ADO.NET reads NULL as DBNull.Value there.
            if (typeof(T) == typeof(DBNull) || typeof(T) == typeof(object))
            {
                return (T)(object)DBNull.Value;
            }

            if (default(T) is null && (typeof(T).IsClass || Nullable.GetUnderlyingType(typeof(T)) is not null || typeof(T).IsInterface))
            {
                return default!;
            }

            throw NullValue(ordinal, typeof(T));
        }

        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?))
        {
            return As<long, T>(column.GetInt64(_row));
        }

        if (typeof(T) == typeof(int) || typeof(T) == typeof(int?))
        {
            return As<int, T>(column.GetInt32(_row));
        }

        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?))
        {
            return As<double, T>(column.GetDouble(_row));
        }

        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?))
        {
            return As<decimal, T>(column.GetDecimal(_row));
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)column.GetString(_row);
        }

        if (typeof(T) == typeof(bool) || typeof(T) == typeof(bool?))
        {
            return As<bool, T>(column.GetBoolean(_row));
        }

        if ((typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateOnly?)) && column is DateReader date)
        {
            return As<DateOnly, T>(date.Read(_row));
        }

        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?))
        {
            return As<DateTime, T>(column.GetDateTime(_row));
        }

        if (typeof(T) == typeof(short) || typeof(T) == typeof(short?))
        {
            return As<short, T>(column.GetInt16(_row));
        }

        if (typeof(T) == typeof(float) || typeof(T) == typeof(float?))
        {
            return As<float, T>(column.GetFloat(_row));
        }

        if (typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?))
        {
            return As<Guid, T>(column.GetGuid(_row));
        }

        return column.GetFieldValue<T>(_row);
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override DataTable GetSchemaTable()
    {
        ThrowIfClosed();
        return SchemaTable.For(_result?.Names ?? [], _readers);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TOut As<TIn, TOut>(TIn value)
    {
        if (typeof(TOut) == typeof(TIn))
        {
            return Unsafe.As<TIn, TOut>(ref value);
        }

        // TOut is TIn? (the only other caller): box once; rare compared with the non-nullable path.
        return (TOut)(object)value!;
    }

    /// <summary>
    /// Fetches the rest of the current result chunk by chunk without reading a value: the floor any client pays, used
    /// by the benchmark as the ceiling to compare the typed getters against. Returns the rows skipped.
    /// </summary>
    internal long SkipChunksForBenchmark()
    {
        long rows = _chunkPending ? _result!.ChunkSize : 0;
        _chunkPending = false;
        _rowValid = false;
        while (_result is not null && _result.FetchChunk())
        {
            rows += _result.ChunkSize;
        }

        return rows;
    }

    private bool AdvanceToNextQuery()
    {
        while (_batch.HasNext)
        {
            var result = _batch.ExecuteNext();
            if (!result.IsQuery)
            {
                // Statements that change rows or return nothing are not result sets (as in other ADO.NET providers).
                _recordsAffected = Math.Max(_recordsAffected, 0) + result.RowsChanged;
                result.Dispose();
                continue;
            }

            _result = result;
            _readers = result.Readers;
            _rowValid = false;
            _chunkPending = false;
            _hasRows = false;

            // Fetch the first chunk now so HasRows can answer and execution errors surface from ExecuteReader.
            while (result.FetchChunk())
            {
                if (result.ChunkSize > 0)
                {
                    _chunkPending = true;
                    _hasRows = true;
                    break;
                }
            }

            return true;
        }

        return false;
    }

    private void CloseResult()
    {
        _readAsArrow = false;
        _result?.Dispose();
        _result = null;
        _readers = [];
        _rowValid = false;
        _chunkPending = false;
    }

    private ColumnReader Column(int ordinal)
    {
        CheckOrdinal(ordinal);
        return _readers[ordinal];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnReader ValidColumn(int ordinal)
    {
        if (!_rowValid)
        {
            ThrowNoRow();
        }

        if ((uint)ordinal >= (uint)_readers.Length)
        {
            ThrowOrdinal(ordinal);
        }

        return _readers[ordinal];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnReader NotNull(int ordinal)
    {
        var column = ValidColumn(ordinal);
        if (!column.IsValid(_row))
        {
            throw NullValue(ordinal, null);
        }

        return column;
    }

    private InvalidCastException NullValue(int ordinal, Type? type) => new(
        $"Column {ordinal} ('{_result?.Names[ordinal]}') is NULL in this row; check IsDBNull first{(type is null ? "" : $" or read it as {type.Name}?")}.");

    private void CheckOrdinal(int ordinal)
    {
        ThrowIfClosed();
        if (_result is null || (uint)ordinal >= (uint)_result.ColumnCount)
        {
            ThrowOrdinal(ordinal);
        }
    }

    [SuppressMessage("Usage", "CA2201:Do not raise reserved exception types", Justification = "ADO.NET's contract: the reader's getters throw IndexOutOfRangeException for an ordinal outside the result.")]
    private void ThrowOrdinal(int ordinal) =>
        throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range; the result has {FieldCount} column(s).");

    private void ThrowNoRow()
    {
        ThrowIfClosed();
        throw new InvalidOperationException("No current row: call Read() first and check that it returned true.");
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);
}

using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;
using Apache.Arrow;
using Apache.Arrow.C;

namespace Analytics.DuckDb;

/// <summary>
/// A result set read as Arrow record batches (<see cref="DuckDbDataReader.ReadArrow"/>). DuckDB writes each data chunk
/// (up to 2048 rows) into the Arrow C data interface and Apache.Arrow imports it in place: values are never copied
/// through .NET. DECIMAL stays Decimal128, DATE Date32, TIMESTAMP Timestamp(µs), lists List, NULLs validity bits.
/// The reader stays open while the batches are read; each batch is the caller's and frees its native memory when disposed.
/// </summary>
public sealed unsafe class DuckDbArrowResult : IDisposable
{
    private readonly StatementResult _result;
    private nint _options;
    private bool _pending;

    internal DuckDbArrowResult(StatementResult result, bool firstChunkPending)
    {
        _result = result;
        _pending = firstChunkPending && result.ChunkPointer != 0;
        _options = NativeMethods.duckdb_result_get_arrow_options(result.ResultPointer);
        try
        {
            Schema = ExportSchema();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The result's columns as Arrow fields, in order.</summary>
    public Schema Schema { get; }

    /// <summary>Whether a batch was cut short by its <c>maxRows</c>, so rows of the result were left out.</summary>
    public bool RowsLeftOut { get; private set; }

    /// <summary>
    /// The next data chunk as a record batch of at most <paramref name="maxRows"/> rows (rows past it in that chunk
    /// are skipped: use it for a row cap), or null at the end of the result. Empty chunks are passed over.
    /// </summary>
    /// <param name="maxRows">Most rows in the batch; at least 1.</param>
    public RecordBatch? ReadNextBatch(int maxRows = int.MaxValue)
    {
        ObjectDisposedException.ThrowIf(_options == 0, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        if (!_pending || _result.ChunkSize == 0)
        {
            do
            {
                if (!_result.FetchChunk(pointReaders: false))
                {
                    return null;
                }
            }
            while (_result.ChunkSize == 0);
        }

        _pending = false;
        var chunk = _result.ChunkPointer;
        if (_result.ChunkSize > maxRows)
        {
            NativeMethods.duckdb_data_chunk_set_size(chunk, (ulong)maxRows);
            RowsLeftOut = true;
        }

        var array = CArrowArray.Create();
        try
        {
            ArrowErrors.ThrowIfError(NativeMethods.duckdb_data_chunk_to_arrow(_options, chunk, array), _result);

            // Apache.Arrow 23 moves the struct's contents into the batch (whose disposal calls DuckDB's release) and
            // clears the struct, so it is freed here; an importer that kept pointing at it would be caught below.
            var batch = CArrowArrayImporter.ImportRecordBatch(array, Schema);
            if (ReleaseOf(array) != 0)
            {
                batch.Dispose();
                throw new InvalidOperationException("This Apache.Arrow version does not take ownership of an imported array; the export needs Apache.Arrow 23.");
            }

            return batch;
        }
        finally
        {
            CArrowArray.Free(array);
        }
    }

    /// <summary>The remaining batches, one per data chunk; dispose each when done with it.</summary>
    public IEnumerable<RecordBatch> ReadBatches()
    {
        while (ReadNextBatch() is { } batch)
        {
            yield return batch;
        }
    }

    /// <summary>Frees the export options; the batches already read stay valid until they are disposed.</summary>
    public void Dispose()
    {
        if (_options != 0)
        {
            NativeMethods.duckdb_destroy_arrow_options(ref _options);
            _options = 0;
        }
    }

    // struct ArrowArray (the C data interface ABI): length, null_count, offset, n_buffers, n_children, buffers,
    // children, dictionary, release, private_data — release is the ninth 8-byte field. Apache.Arrow keeps it internal.
    private static nint ReleaseOf(CArrowArray* array) => ((nint*)array)[8];

    private Schema ExportSchema()
    {
        var count = _result.ColumnCount;
        var types = new nint[count];
        var names = new nint[count];
        var schema = CArrowSchema.Create();
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_column_logical_type(_result.ResultPointer, (ulong)i);
                names[i] = (nint)NativeMethods.duckdb_column_name(_result.ResultPointer, (ulong)i);
            }

            fixed (nint* typePointers = types)
            fixed (nint* namePointers = names)
            {
                ArrowErrors.ThrowIfError(
                    NativeMethods.duckdb_to_arrow_schema(_options, typePointers, (byte**)namePointers, (ulong)count, schema), _result);
            }

            return CArrowSchemaImporter.ImportSchema(schema);
        }
        finally
        {
            CArrowSchema.Free(schema);
            for (var i = 0; i < count; i++)
            {
                if (types[i] != 0)
                {
                    NativeMethods.duckdb_destroy_logical_type(ref types[i]);
                }
            }
        }
    }
}

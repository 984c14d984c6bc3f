using Analytics.DuckDb.Execution;
using Apache.Arrow.Ipc;

namespace Analytics.DuckDb;

/// <summary>What <see cref="DuckDbArrowStreamWriter"/> wrote.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">Bytes written, schema and end-of-stream marker included.</param>
/// <param name="CutAtRows">The result had more rows than the row cap.</param>
/// <param name="CutAtBytes">The batch that would have passed the byte cap (and any after it) was left out.</param>
public sealed record DuckDbArrowWriteSummary(long Rows, long Bytes, bool CutAtRows, bool CutAtBytes);

/// <summary>
/// Writes a result set as an Arrow IPC stream (<c>application/vnd.apache.arrow.stream</c>, what
/// <c>pyarrow.ipc.open_stream</c>, polars and R's arrow read): the schema, one record batch per DuckDB data chunk,
/// the end-of-stream marker. Each batch is released as soon as it is written, so memory stays at about one chunk.
/// </summary>
public static class DuckDbArrowStreamWriter
{
    private const int EndOfStreamBytes = 8;

    /// <summary>Writes the current result set of <paramref name="reader"/> (not yet read) to <paramref name="sink"/> (left open).</summary>
    /// <param name="reader">An open reader positioned on a result set none of whose rows were read.</param>
    /// <param name="sink">Where the stream goes.</param>
    /// <param name="maxRows">Most rows written.</param>
    /// <param name="maxBytes">Most bytes written: a batch that would pass it is left out, so the stream stays valid.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static DuckDbArrowWriteSummary Write(
        DuckDbDataReader reader, Stream sink, long maxRows = long.MaxValue, long maxBytes = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        using var arrow = reader.ReadArrow();
        using var counted = new CountingStream(sink);
        using var writer = new ArrowStreamWriter(counted, arrow.Schema, leaveOpen: true);
        writer.WriteStart();
        long rows = 0;
        bool cutAtRows = false, cutAtBytes = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows == maxRows)
            {
                using var beyond = arrow.RowsLeftOut ? null : arrow.ReadNextBatch(1);
                cutAtRows = arrow.RowsLeftOut || beyond is not null;
                break;
            }

            using var batch = arrow.ReadNextBatch((int)Math.Min(maxRows - rows, int.MaxValue));
            if (batch is null)
            {
                break;
            }

            if (counted.Count + BatchWeight.Estimate(batch) + EndOfStreamBytes > maxBytes)
            {
                cutAtBytes = true;
                break;
            }

            writer.WriteRecordBatch(batch);
            rows += batch.Length;
        }

        writer.WriteEnd();
        counted.Flush();
        return new DuckDbArrowWriteSummary(rows, counted.Count, cutAtRows, cutAtBytes);
    }
}

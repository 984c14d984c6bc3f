using System.Buffers;
using Analytics.DuckDb;

namespace Analytics.Snapshots.Results;

/// <summary>The caps a result is written under.</summary>
/// <param name="MaxRows">Most rows; more set <see cref="Truncation.Rows"/>.</param>
/// <param name="MaxBytes">Most bytes written, header and ending included; a row that would pass it is left out (<see cref="Truncation.Bytes"/>).</param>
/// <param name="CellChars">Display tables only: longest cell in characters before it is shortened with "…".</param>
public sealed record ResultCaps(int MaxRows, long MaxBytes, int CellChars = 2000);

/// <summary>What was written: the columns, rows, bytes and whether a cap cut the result.</summary>
public sealed record ResultSummary(IReadOnlyList<ResultColumn> Columns, long Rows, long Bytes, Truncation Truncation, bool CellsCut);

/// <summary>
/// Writes a query's rows to a stream as CSV, JSON, Arrow or a display table, stopping at the caps while it streams: a row
/// that would pass the byte cap is not written, and a text or BLOB value is weighed by its length before it is read,
/// so <c>SELECT repeat('x', 1000000000)</c> stops at the cap instead of becoming a gigabyte of .NET strings.
/// </summary>
public static class ResultWriter
{
    /// <summary>Writes the rows of <paramref name="reader"/> to <paramref name="sink"/>.</summary>
    /// <param name="reader">An open result.</param>
    /// <param name="format">CSV, JSON, Arrow or a display table.</param>
    /// <param name="sink">Where the bytes go.</param>
    /// <param name="caps">Row and byte caps.</param>
    /// <param name="byteOrderMark">CSV only: start with a UTF-8 byte-order mark.</param>
    /// <param name="deadline">Checked between rows: a query's time limit covers writing its result too.</param>
    public static ResultSummary Write(
        DuckDbDataReader reader, ResultFormat format, Stream sink, ResultCaps caps, bool byteOrderMark, CancellationToken deadline)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(caps);
        if (format == ResultFormat.Arrow)
        {
            return ArrowResultWriter.Write(reader, sink, caps, deadline);
        }

        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var weighed = Enumerable.Range(0, columns.Count).Where(i => columns[i].Type is "VARCHAR" or "BLOB").ToArray();
        var writer = RowWriter.For(format, columns, caps.CellChars, byteOrderMark);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        long bytes = 0;
        long rows = 0;
        var truncation = Truncation.None;

        writer.Begin(buffer);
        bytes += Flush(buffer, sink);
        var budget = caps.MaxBytes - writer.EndReserve;
        while (reader.Read())
        {
            deadline.ThrowIfCancellationRequested();
            if (rows == caps.MaxRows)
            {
                truncation = Truncation.Rows;
                break;
            }

            if (bytes + Weight(reader, weighed, writer) > budget)
            {
                truncation = Truncation.Bytes;
                break;
            }

            writer.Row(reader, buffer);
            if (bytes + buffer.WrittenCount > budget)
            {
                truncation = Truncation.Bytes;
                buffer.Clear();
                break;
            }

            bytes += Flush(buffer, sink);
            rows++;
        }

        writer.End(truncation, buffer);
        bytes += Flush(buffer, sink);
        sink.Flush();
        return new ResultSummary(columns, rows, bytes, truncation, writer.CellsCut);
    }

    private static long Weight(DuckDbDataReader reader, int[] weighed, RowWriter writer)
    {
        long weight = 0;
        foreach (var i in weighed)
        {
            if (!reader.IsDBNull(i))
            {
                weight += writer.Weight(reader.GetUtf8(i).Length);
            }
        }

        return weight;
    }

    private static int Flush(ArrayBufferWriter<byte> buffer, Stream sink)
    {
        var count = buffer.WrittenCount;
        sink.Write(buffer.WrittenSpan);
        buffer.Clear();
        return count;
    }
}

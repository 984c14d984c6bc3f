using Analytics.DuckDb;

namespace Analytics.Snapshots.Results;

/// <summary>
/// Writes a result as an Arrow IPC stream under the caps: at most <see cref="ResultCaps.MaxRows"/> rows, and a batch
/// (one DuckDB chunk, up to 2048 rows) that would pass <see cref="ResultCaps.MaxBytes"/> is left out whole, so the
/// stream always ends properly and stays readable.
/// </summary>
internal static class ArrowResultWriter
{
    public static ResultSummary Write(DuckDbDataReader reader, Stream sink, ResultCaps caps, CancellationToken deadline)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var written = DuckDbArrowStreamWriter.Write(reader, sink, caps.MaxRows, caps.MaxBytes, deadline);
        sink.Flush();
        var truncation = written.CutAtBytes ? Truncation.Bytes : written.CutAtRows ? Truncation.Rows : Truncation.None;
        return new ResultSummary(columns, written.Rows, written.Bytes, truncation, CellsCut: false);
    }
}

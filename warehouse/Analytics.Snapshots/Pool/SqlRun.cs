using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;

namespace Analytics.Snapshots.Pool;

/// <summary>One analyst's query for the pool.</summary>
/// <param name="Snapshot">The snapshot file to query (see <see cref="SnapshotResolver"/>).</param>
/// <param name="Sql">The analyst's text, unchecked: the worker checks it.</param>
/// <param name="Format">What the result is written as.</param>
/// <param name="Caps">Row and byte caps, applied while the result is written.</param>
/// <param name="Timeout">Time limit of the query and of writing its result.</param>
/// <param name="Output">For <see cref="ResultFormat.Csv"/>, <see cref="ResultFormat.Json"/>, <see cref="ResultFormat.Parquet"/> and <see cref="ResultFormat.Arrow"/>: the file to write (the caller renames it into place).</param>
/// <param name="ByteOrderMark">CSV only: start with a UTF-8 byte-order mark, so spreadsheets read Chinese correctly.</param>
public sealed record SqlRunRequest(
    string Snapshot, string Sql, ResultFormat Format, ResultCaps Caps, TimeSpan Timeout, string? Output = null, bool ByteOrderMark = false);

/// <summary>How a query went: its result's shape and size, the display table when asked for one, or the problem.</summary>
/// <param name="Problem">Why there is no result, or null.</param>
/// <param name="Columns">The result's columns (none for Parquet, which DuckDB writes itself).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">Bytes written.</param>
/// <param name="Truncation">Whether a cap cut the result.</param>
/// <param name="Table">The display table (<see cref="ResultFormat.Table"/>).</param>
/// <param name="Elapsed">From the request to the answer, waiting for a worker included.</param>
/// <param name="Worker">The worker's process id, when one ran the query.</param>
public sealed record SqlRunResult(
    SqlProblem? Problem, IReadOnlyList<ResultColumn> Columns, long Rows, long Bytes, Truncation Truncation, TableResult? Table, TimeSpan Elapsed, int? Worker)
{
    /// <summary>True when the query gave a result.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>The audit log's word for the outcome.</summary>
    public string AuditOutcome => Problem?.AuditOutcome ?? Truncation switch
    {
        Truncation.Rows => "capped_rows",
        Truncation.Bytes => "capped_bytes",
        _ => "ok",
    };

    /// <summary>A result that never reached a worker.</summary>
    public static SqlRunResult Failed(SqlProblem problem, TimeSpan elapsed, int? worker = null) => new(problem, [], 0, 0, Truncation.None, null, elapsed, worker);
}

namespace Analytics.Etl.Contracts;

/// <summary>
/// A quarantined row: where it came from, the raw text as read, the rule it broke and a message that says what, where,
/// which value and what to do.
/// </summary>
/// <param name="SourceFile">The file, as given to the loader.</param>
/// <param name="Sheet">The worksheet, for workbooks.</param>
/// <param name="RowNumber">1-based source row (line for CSV/JSON Lines, sheet row for XLSX).</param>
/// <param name="RawRow">The row as read (CSV: the line(s); XLSX: cells joined with tabs; JSON Lines: the line), capped at 4,000 characters.</param>
/// <param name="RuleId">Stable rule id (see <c>RuleIds</c>).</param>
/// <param name="Column">The source header (or canonical field) at fault, when one is.</param>
/// <param name="Value">The offending value as written, when one is.</param>
/// <param name="Message">Readable message naming file, row, column, value and what to do.</param>
public sealed record Rejection(
    string SourceFile, string? Sheet, long RowNumber, string RawRow, string RuleId, string? Column, string? Value, string Message);

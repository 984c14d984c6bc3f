namespace Analytics.Dashboard.Exports;

/// <summary>
/// A table as a download carries it, whatever the file: a title, the lines that say what it is (plan, year, filters,
/// snapshot, source, export time, what this reader was not shown), typed columns and rows of cells. Built from the mart
/// rows a page shows (<see cref="TableExports"/>) and written as .xlsx by <see cref="XlsxWriter"/>.
/// </summary>
/// <param name="Title">What the table is, in the reader's language.</param>
/// <param name="Context">Lines that travel with it (each "label: value").</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows: one cell per column.</param>
/// <param name="Note">What an empty withheld cell means (shown beside it), in the reader's language.</param>
public sealed record ExportTable(
    string Title, IReadOnlyList<string> Context, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<ExportCell>> Rows, string Note);

namespace Analytics.Etl.Reading.Workbooks;

/// <summary>
/// A workbook read sheet by sheet and row by row. Row numbers are the sheet's own (1-based); a row missing from the
/// file comes back as an empty row, so a quarantined row names the row Excel shows.
/// </summary>
internal abstract class WorkbookRows : IDisposable
{
    private WorkbookCell[] cells = new WorkbookCell[16];

    /// <summary>The current sheet's name.</summary>
    public abstract string SheetName { get; }

    /// <summary>The current row's number in its sheet.</summary>
    public long RowNumber { get; protected set; }

    /// <summary>Cells of the current row up to its last non-empty one.</summary>
    public ReadOnlySpan<WorkbookCell> Cells => cells.AsSpan(0, CellCount);

    /// <summary>How many cells <see cref="Cells"/> holds.</summary>
    protected int CellCount { get; private set; }

    /// <summary>Opens the workbook at <paramref name="path"/>: an .xlsx (a ZIP package) or an old .xls (an OLE compound file).</summary>
    public static WorkbookRows Open(string path, ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\u0003\u0004"u8) ? new XlsxWorkbookRows(path) : new LegacyWorkbookRows(path);

    /// <summary>Moves to the first sheet, then to each next one; false after the last.</summary>
    public abstract bool NextSheet();

    /// <summary>
    /// Moves to the next row of the current sheet; false at its end. A row whose number <paramref name="parse"/> turns
    /// down may be left empty without reading its cells.
    /// </summary>
    public abstract bool NextRow(Func<long, bool>? parse = null);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Empties the current row.</summary>
    protected void ClearCells() => CellCount = 0;

    /// <summary>Sets the cell at <paramref name="column"/> (0-based), padding with empty cells before it.</summary>
    protected void SetCell(int column, WorkbookCell cell)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        if (column >= cells.Length)
        {
            Array.Resize(ref cells, Math.Max(column + 1, cells.Length * 2));
        }

        for (var i = CellCount; i < column; i++)
        {
            cells[i] = WorkbookCell.Empty;
        }

        cells[column] = cell;
        CellCount = Math.Max(CellCount, column + 1);
    }
}

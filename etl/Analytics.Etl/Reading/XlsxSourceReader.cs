using System.Globalization;
using Analytics.Etl.Contracts;
using Analytics.Etl.Reading.Workbooks;

namespace Analytics.Etl.Reading;

/// <summary>
/// Excel workbooks: .xlsx streamed from its sheet XML, the old .xls through ExcelDataReader. Every sheet is a section:
/// its header is the row, among the first <see cref="FeedReadOptions.HeaderSearchRows"/>, that names the most fields,
/// so title rows above it are skipped. Date cells become ISO dates; numbers are written in their shortest round-trip
/// form (an Excel serial in a number cell is recognised later by the date reader).
/// </summary>
internal sealed class XlsxSourceReader : SourceReader
{
    private readonly WorkbookRows reader;
    private readonly HeaderMatcher matcher;
    private readonly FeedContract contract;
    private readonly FeedReadOptions options;
    private readonly Queue<(long Row, WorkbookCell[] Cells)> pending = new();
    private int sheetIndex = -1;
    private bool sheetExhausted;
    private string? sheet;
    private bool sawDataSheet;
    private bool sawChosenSheet;
    private readonly List<string> sheetNames = [];

    public XlsxSourceReader(string path, FeedContract contract, FeedReadOptions options)
        : base(path)
    {
        this.options = options;
        this.contract = contract;
        matcher = new HeaderMatcher(contract);
        var head = FileSniffer.ReadHead(path, 8);
        if (head.Length == 0)
        {
            throw new ExtractRefusedException(path, "the file is empty (0 bytes).");
        }

        if (!FileSniffer.LooksLikeWorkbook(head))
        {
            var what = FileSniffer.BinarySignature(head) ?? "text";
            throw new ExtractRefusedException(path, $"the file is not an Excel workbook (it starts like {what}). Save it as .xlsx, or give a CSV file a .csv name.");
        }

        try
        {
            reader = WorkbookRows.Open(path, head);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExtractRefusedException(path, $"the file cannot be opened as a workbook ({ex.GetType().Name}: {ex.Message}). Re-save it from Excel as .xlsx.", ex);
        }
    }

    public override string EncodingName => "xlsx";

    public override bool HasHeader => true;

    public override bool SingleSection => false;

    public override string? SectionName => sheet;

    public override bool NextSection()
    {
        while (true)
        {
            sheetIndex++;
            if (!Guard(reader.NextSheet))
            {
                if (options.Sheets.IsOneSheet && !sawChosenSheet)
                {
                    throw new ExtractRefusedException(FilePath,
                        $"the source reads {options.Sheets}, which the workbook does not have; its sheets are {string.Join(", ", sheetNames.Select(n => $"'{n}'"))}. Set the source's \"sheets\" to one of them.");
                }

                if (!sawDataSheet)
                {
                    throw new ExtractRefusedException(FilePath, "no sheet of the workbook has a header row and data.");
                }

                return false;
            }

            sheet = reader.SheetName;
            sheetExhausted = false;
            pending.Clear();
            sheetNames.Add(sheet);
            if (!options.Sheets.Reads(sheetIndex + 1, sheet))
            {
                DrainSheet();
                continue;
            }

            sawChosenSheet = true;
            if (TryFindHeader())
            {
                return true;
            }
        }
    }

    public override bool Read(SourceRow row)
    {
        ReadOnlySpan<WorkbookCell> cells;
        long number;
        if (pending.Count > 0)
        {
            var buffered = pending.Dequeue();
            number = buffered.Row;
            cells = buffered.Cells;
        }
        else if (NextRow(RowFilter is { } wanted ? number => wanted(sheetIndex, number) : null))
        {
            number = reader.RowNumber;
            cells = reader.Cells;
        }
        else
        {
            return false;
        }

        row.Reset(number);
        row.Sheet = sheet;
        row.SheetIndex = sheetIndex;
        foreach (var cell in cells)
        {
            WriteCell(row, cell);
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reader.Dispose();
        }
    }

    private bool TryFindHeader()
    {
        var best = -1;
        var bestScore = 0;
        var rows = new List<(long Row, WorkbookCell[] Cells)>();
        var anyContent = false;
        for (var i = 0; i < options.HeaderSearchRows && NextRow(); i++)
        {
            var cells = reader.Cells.ToArray();
            rows.Add((reader.RowNumber, cells));
            var texts = cells.Select(CellText).ToArray();
            anyContent |= texts.Any(t => !string.IsNullOrWhiteSpace(t));
            var score = matcher.Score(texts);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        if (bestScore < 2)
        {
            if (!anyContent && sheetExhausted)
            {
                Warnings.Add($"sheet '{sheet}' is empty and was skipped.");
                return false;
            }

            if (options.Sheets.SkipWithoutHeader)
            {
                Warnings.Add($"sheet '{sheet}' has no recognisable header in its first {options.HeaderSearchRows} rows and was skipped.");
                DrainSheet();
                return false;
            }

            throw new ExtractRefusedException(FilePath, $"sheet '{sheet}' has no recognisable header in its first {options.HeaderSearchRows} rows (expected headers such as {string.Join(", ", contract.Fields.Where(f => f.Required).Take(3).Select(f => f.HeaderZh))}). Put the header row near the top, remove the sheet, or set the source's \"sheets\" to \"with_header\" or to the data sheet.");
        }

        var header = rows[best].Cells.Select(CellText).ToArray();
        Map = matcher.Build(header, FilePath, sheet, Warnings);
        for (var i = best + 1; i < rows.Count; i++)
        {
            pending.Enqueue(rows[i]);
        }

        sawDataSheet = true;
        return true;
    }

    private void DrainSheet()
    {
        while (NextRow())
        {
        }
    }

    private bool NextRow(Func<long, bool>? parse = null)
    {
        if (sheetExhausted || !Guard(() => reader.NextRow(parse)))
        {
            sheetExhausted = true;
            return false;
        }

        return true;
    }

    private bool Guard(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not ExtractRefusedException)
        {
            throw new ExtractRefusedException(FilePath, $"sheet '{sheet}' cannot be read near row {reader.RowNumber + 1} ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private static string? CellText(WorkbookCell cell) => cell.Kind switch
    {
        WorkbookCellKind.Empty => null,
        WorkbookCellKind.Text => cell.Text,
        WorkbookCellKind.Date => cell.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        WorkbookCellKind.Number => cell.Number.ToString("R", CultureInfo.InvariantCulture),
        _ => cell.Number != 0 ? "TRUE" : "FALSE",
    };

    private static void WriteCell(SourceRow row, WorkbookCell cell)
    {
        switch (cell.Kind)
        {
            case WorkbookCellKind.Empty:
                row.AddField([]);
                break;
            case WorkbookCellKind.Text:
                row.AddField(cell.Text);
                break;
            case WorkbookCellKind.Number:
            {
                var target = row.BeginField(32);
                row.CommitField(cell.Number.TryFormat(target, out var n, "R", CultureInfo.InvariantCulture) ? n : 0);
                break;
            }

            case WorkbookCellKind.Date:
            {
                var target = row.BeginField(10);
                row.CommitField(cell.Date.TryFormat(target, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? n : 0);
                break;
            }

            default:
                row.AddField(CellText(cell));
                break;
        }
    }
}

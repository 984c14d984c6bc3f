using System.Globalization;
using System.Text;
using Analytics.Etl.Contracts;
using ExcelDataReader;

namespace Analytics.Etl.Reading;

/// <summary>
/// Excel workbooks through ExcelDataReader (.xlsx and the old .xls). Every sheet is a section: its header is the row,
/// among the first <see cref="FeedReadOptions.HeaderSearchRows"/>, that names the most fields, so title rows above it
/// are skipped. Date cells become ISO dates; numbers are written in their shortest round-trip form (an Excel serial
/// in a number cell is recognised later by the date reader).
/// </summary>
internal sealed class XlsxSourceReader : SourceReader
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private readonly HeaderMatcher matcher;
    private readonly FeedContract contract;
    private readonly FeedReadOptions options;
    private readonly Queue<(long Row, object?[] Cells)> pending = new();
    private int sheetIndex = -1;
    private long rowNumber;
    private bool sheetExhausted;
    private string? sheet;
    private bool sawDataSheet;

    static XlsxSourceReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

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

        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stream.Dispose();
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
            if (sheetIndex > 0 && !Guard(() => reader.NextResult()))
            {
                if (!sawDataSheet)
                {
                    throw new ExtractRefusedException(FilePath, "no sheet of the workbook has a header row and data.");
                }

                return false;
            }

            sheet = reader.Name;
            rowNumber = 0;
            sheetExhausted = false;
            pending.Clear();
            if (TryFindHeader())
            {
                return true;
            }
        }
    }

    public override bool Read(SourceRow row)
    {
        object?[] cells;
        long number;
        if (pending.Count > 0)
        {
            (number, cells) = pending.Dequeue();
        }
        else if (!NextRow(out number, out cells))
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
            stream.Dispose();
        }
    }

    private bool TryFindHeader()
    {
        var best = -1;
        var bestScore = 0;
        var rows = new List<(long Row, object?[] Cells)>();
        var anyContent = false;
        for (var i = 0; i < options.HeaderSearchRows && NextRow(out var number, out var cells); i++)
        {
            rows.Add((number, cells));
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

            if (options.SkipSheetsWithoutHeader)
            {
                Warnings.Add($"sheet '{sheet}' has no recognisable header in its first {options.HeaderSearchRows} rows and was skipped.");
                DrainSheet();
                return false;
            }

            throw new ExtractRefusedException(FilePath, $"sheet '{sheet}' has no recognisable header in its first {options.HeaderSearchRows} rows (expected headers such as {string.Join(", ", contract.Fields.Where(f => f.Required).Take(3).Select(f => f.HeaderZh))}). Put the header row near the top, or remove the sheet.");
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
        while (NextRow(out _, out _))
        {
        }
    }

    private bool NextRow(out long number, out object?[] cells)
    {
        number = 0;
        cells = [];
        if (sheetExhausted || !Guard(() => reader.Read()))
        {
            sheetExhausted = true;
            return false;
        }

        rowNumber++;
        number = rowNumber;
        var count = reader.FieldCount;
        // Trailing empty cells are formatting, not data.
        while (count > 0 && reader.GetValue(count - 1) is null or "")
        {
            count--;
        }

        cells = new object?[count];
        for (var i = 0; i < count; i++)
        {
            cells[i] = reader.GetValue(i);
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
            throw new ExtractRefusedException(FilePath, $"sheet '{sheet}' cannot be read near row {rowNumber + 1} ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    private static void WriteCell(SourceRow row, object? cell)
    {
        switch (cell)
        {
            case null:
                row.AddField([]);
                break;
            case string s:
                row.AddField(s);
                break;
            case double x:
            {
                var target = row.BeginField(32);
                row.CommitField(x.TryFormat(target, out var n, "R", CultureInfo.InvariantCulture) ? n : 0);
                break;
            }

            case DateTime d:
            {
                var target = row.BeginField(10);
                row.CommitField(d.TryFormat(target, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? n : 0);
                break;
            }

            default:
                row.AddField(CellText(cell));
                break;
        }
    }
}

using System.Globalization;
using System.Text;
using Analytics.Dashboard.Localization;
using Analytics.Snapshots.Results;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// An <see cref="ExportTable"/> as an Excel workbook (.xlsx, OpenXml): sheet 1 (数据/Data) the table — header row
/// frozen and filtered, numbers as numbers with the indicator's number format, withheld cells empty with a note — and
/// sheet 2 (说明/About) the title, the context lines and which mart column each header is.
/// </summary>
/// <remarks>
/// Text is written as inline strings, never as formulas; a text a spreadsheet would run as a formula if retyped
/// (<see cref="CsvText.RunsAsFormula"/>: a leading <c>= + - @</c>) gets the quote-prefix style, Excel's own way of
/// keeping <c>'=…</c> text. Numbers are rounded to 12 significant digits, so sums' float noise (845740.0000000008) is
/// not carried into the file.
/// </remarks>
public static class XlsxWriter
{
    /// <summary>The content type of an .xlsx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint QuotedStyle = 2;
    private const uint TitleStyle = 3;
    private const uint FirstNumberStyle = 4;

    /// <summary>The workbook of <paramref name="table"/>, its sheet names and glossary in <paramref name="ui"/>'s language.</summary>
    public static byte[] Write(ExportTable table, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(ui);
        var formats = table.Rows.SelectMany(r => r).Select(c => c.Format).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = Clean(table.Title);
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles(formats);
            var data = workbook.AddNewPart<WorksheetPart>();
            data.Worksheet = DataSheet(table, formats);
            var about = workbook.AddNewPart<WorksheetPart>();
            about.Worksheet = AboutSheet(table, ui);
            var dataName = ui["ExportSheetData"];
            workbook.Workbook.Append(
                new Sheets(
                    new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = dataName },
                    new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = ui["ExportSheetAbout"] }),
                new DefinedNames(new DefinedName($"'{dataName}'!$A$1:${Column(table.Columns.Count - 1)}${table.Rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
                }));
        }

        return stream.ToArray();
    }

    private static Worksheet DataSheet(ExportTable table, List<string> formats)
    {
        var rows = new SheetData();
        rows.Append(new Row(table.Columns.Select((c, x) => Text(x, 1, c.Header, HeaderStyle))) { RowIndex = 1 });
        var withheld = new List<string>();
        for (var y = 0; y < table.Rows.Count; y++)
        {
            var row = new Row { RowIndex = (uint)(y + 2) };
            for (var x = 0; x < table.Columns.Count; x++)
            {
                var cell = table.Rows[y][x];
                if (cell.Withheld)
                {
                    withheld.Add(Reference(x, y + 2));
                }

                if (cell.Number is { } n && double.IsFinite(n))
                {
                    row.Append(new Cell
                    {
                        CellReference = Reference(x, y + 2),
                        StyleIndex = FirstNumberStyle + (uint)formats.IndexOf(cell.Format!),
                        CellValue = new CellValue(Number(n)),
                    });
                }
                else if (!string.IsNullOrEmpty(cell.Text))
                {
                    row.Append(Text(x, y + 2, cell.Text, CsvText.RunsAsFormula(Encoding.UTF8.GetBytes(cell.Text)) ? QuotedStyle : 0));
                }
            }

            rows.Append(row);
        }

        var last = Reference(table.Columns.Count - 1, table.Rows.Count + 1);
        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }),
            Widths(table.Columns.Select((c, x) => table.Rows.Select(r => Width(r[x])).Append(Width(c.Header)).Max()).ToList()),
            rows,
            new AutoFilter { Reference = "A1:" + last });
        if (withheld.Count > 0)
        {
            // An input message on the empty cells: selecting one says why it is empty (no comments part or VML needed).
            sheet.Append(new DataValidations(new DataValidation
            {
                AllowBlank = true, ShowInputMessage = true,
                Prompt = Cut(table.Note, 255),
                SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', withheld) },
            }) { Count = 1 });
        }

        return sheet;
    }

    private static Worksheet AboutSheet(ExportTable table, UiContext ui)
    {
        var rows = new SheetData();
        var y = 1;
        rows.Append(new Row(Text(0, y, table.Title, TitleStyle)) { RowIndex = (uint)y++ });
        foreach (var line in table.Context)
        {
            rows.Append(new Row(Text(0, y, line, 0)) { RowIndex = (uint)y++ });
        }

        if (table.Rows.Any(r => r.Any(c => c.Withheld)))
        {
            rows.Append(new Row(Text(0, y, table.Note, 0)) { RowIndex = (uint)y++ });
        }

        y++;
        rows.Append(new Row(Text(0, y, ui["ExportColumnHeader"], HeaderStyle), Text(1, y, ui["ExportMartColumn"], HeaderStyle)) { RowIndex = (uint)y++ });
        foreach (var c in table.Columns)
        {
            rows.Append(new Row(Text(0, y, c.Header, 0), Text(1, y, c.Name, 0)) { RowIndex = (uint)y++ });
        }

        return new Worksheet(Widths([Math.Max(24, table.Columns.Max(c => Width(c.Header))), 24]), rows);
    }

    private static Stylesheet Styles(List<string> formats) => new(new OpenXmlElement?[]
    {
        // No empty numFmts element: Excel is stricter than the schema about empty collections.
        formats.Count == 0 ? null : new NumberingFormats(formats.Select((f, k) => new NumberingFormat { NumberFormatId = (uint)(164 + k), FormatCode = f })) { Count = (uint)formats.Count },
        new Fonts(Font(bold: false, 11), Font(bold: true, 11), Font(bold: true, 13)) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new[]
            {
                new CellFormat { FormatId = 0 },
                new CellFormat { FormatId = 0, FontId = 1, ApplyFont = true },
                new CellFormat { FormatId = 0, QuotePrefix = true },
                new CellFormat { FormatId = 0, FontId = 2, ApplyFont = true },
            }.Concat(formats.Select((_, k) => new CellFormat { FormatId = 0, NumberFormatId = (uint)(164 + k), ApplyNumberFormat = true })))
        { Count = (uint)(FirstNumberStyle + formats.Count) },
    }.OfType<OpenXmlElement>());

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" });
        return font;
    }

    private static Columns Widths(IReadOnlyList<double> widths) =>
        new(widths.Select((w, x) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(x + 1), Max = (uint)(x + 1), Width = Math.Min(60, Math.Max(8, w + 2)), CustomWidth = true,
        }));

    private static Cell Text(int x, int y, string text, uint style) => new()
    {
        CellReference = Reference(x, y),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A number as the cell stores it: 12 significant digits (no float noise), invariant, never E-notation for the marts' magnitudes.</summary>
    internal static string Number(double value) =>
        double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The display width of a cell's text (CJK characters count twice).</summary>
    private static double Width(ExportCell cell) => cell.Number is { } n ? Number(n).Length + 3 : Width(cell.Text ?? "");

    private static double Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

    private static string Reference(int x, int y) => Column(x) + y.ToString(CultureInfo.InvariantCulture);

    private static string Column(int x) => x < 26 ? ((char)('A' + x)).ToString() : Column((x / 26) - 1) + (char)('A' + (x % 26));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Text without the characters XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    private static string Clean(string text) =>
        text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r') || ch is '\uFFFE' or '\uFFFF')
            ? new string(text.Where(ch => !(ch < 0x20 && ch is not ('\t' or '\n' or '\r') || ch is '\uFFFE' or '\uFFFF')).ToArray())
            : text;
}

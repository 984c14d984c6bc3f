using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Etl.Tests.Support;

/// <summary>
/// Writes small .xlsx workbooks for reader tests. Cells: string → shared-free inline string, double/int → number,
/// DateTime → a date-formatted number (built-in format 14), null → no cell. Row numbers are explicit so gaps and
/// title rows are real.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<(int Row, object?[] Cells)> Rows)> sheets = [];

    public XlsxBuilder Sheet(string name)
    {
        sheets.Add((name, []));
        return this;
    }

    public XlsxBuilder Row(int rowNumber, params object?[] cells)
    {
        sheets[^1].Rows.Add((rowNumber, cells));
        return this;
    }

    public string Write(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (rowNumber, cells) in rows.OrderBy(r => r.Row))
            {
                var row = new Row { RowIndex = (uint)rowNumber };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is null)
                    {
                        continue;
                    }

                    row.Append(MakeCell(ColumnName(c) + rowNumber, cells[c]!));
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        workbookPart.Workbook.Save();
        return path;
    }

    private static Cell MakeCell(string reference, object value) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        DateTime d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        IConvertible n => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"unsupported cell {value}"),
    };

    private static string ColumnName(int index)
    {
        var name = "";
        index++;
        while (index > 0)
        {
            var m = (index - 1) % 26;
            name = (char)('A' + m) + name;
            index = (index - 1) / 26;
        }

        return name;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.DemoData.Tests;

/// <summary>Minimal readers for the generated files, independent of the generator's own code.</summary>
internal static class FeedReaders
{
    public static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>CSV lines split on commas (the generator never writes quoted fields), header first.</summary>
    public static List<string[]> Csv(string path, Encoding encoding)
    {
        var text = encoding.GetString(File.ReadAllBytes(path));
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return text.Split("\r\n").Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
    }

    /// <summary>Data rows of a CSV: not blank, not the totals row.</summary>
    public static IEnumerable<string[]> CsvData(List<string[]> lines) =>
        lines.Skip(1).Where(r => r.Any(f => f.Length > 0) && r[0] != "合计");

    /// <summary>Every sheet of a workbook as rows of cell texts (column letter → text), via the OpenXml SDK.</summary>
    public static List<(string Name, List<Dictionary<string, string>> Rows)> Workbook(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<(string, List<Dictionary<string, string>>)>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<Dictionary<string, string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                    var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                        : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                        : cell.CellValue?.Text ?? "";
                    cells[column] = text;
                }

                rows.Add(cells);
            }

            result.Add((sheet.Name!.Value!, rows));
        }

        return result;
    }

    public static IEnumerable<JsonElement> JsonLines(string path) =>
        File.ReadLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    /// <summary>yyyy-MM-dd, or null for the dirty spellings.</summary>
    public static DateOnly? IsoDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

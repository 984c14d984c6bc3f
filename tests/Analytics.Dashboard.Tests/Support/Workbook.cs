using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>One cell of a downloaded workbook as the file holds it: its text or number, its number format, its raw XML value.</summary>
public sealed record XCell(string? Text, double? Number, string? Format, string? Raw, bool QuotePrefix, bool Formula);

/// <summary>A downloaded .xlsx read back with the OpenXml SDK: its sheets, the data sheet's rows by header, the validator's errors.</summary>
public sealed class Workbook
{
    public Workbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        SheetNames = sheets.Select(s => s.Name!.Value!).ToList();
        var styles = part.WorkbookStylesPart!.Stylesheet;
        var formats = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var xfs = styles.CellFormats!.Elements<CellFormat>().ToList();
        var data = (WorksheetPart)part.GetPartById(sheets[0].Id!);
        Frozen = data.Worksheet.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.TopLeftCell?.Value == "A2");
        AutoFilter = data.Worksheet.Elements<AutoFilter>().FirstOrDefault()?.Reference?.Value;
        WithheldNotes = data.Worksheet.Descendants<DataValidation>().SelectMany(v => v.SequenceOfReferences!.Items.Select(i => i.Value!)).ToList();
        var rows = data.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(c => Letters(c.CellReference!), c => Read(c, xfs, formats))).ToList();
        Headers = rows[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Text!).ToList();
        var letters = rows[0].ToDictionary(c => c.Value.Text!, c => c.Key);
        Rows = rows.Skip(1).Select(r => letters.ToDictionary(h => h.Key, h => r.GetValueOrDefault(h.Value))).ToList();
        var about = (WorksheetPart)part.GetPartById(sheets[1].Id!);
        About = about.Worksheet.Descendants<Row>().Select(r => string.Join("|", r.Elements<Cell>().Select(c => Read(c, xfs, formats).Text))).ToList();
        Title = document.PackageProperties.Title;
    }

    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows: header → cell (null when the cell is empty).</summary>
    public IReadOnlyList<Dictionary<string, XCell?>> Rows { get; }

    /// <summary>The About sheet's rows, cells joined by '|'.</summary>
    public IReadOnlyList<string> About { get; }

    public bool Frozen { get; }

    public string? AutoFilter { get; }

    public IReadOnlyList<string> WithheldNotes { get; }

    public string? Title { get; }

    private static XCell Read(Cell c, List<CellFormat> xfs, Dictionary<uint, string> formats)
    {
        var xf = c.StyleIndex is { } s ? xfs[(int)s.Value] : null;
        var format = xf?.NumberFormatId is { } id && formats.TryGetValue(id.Value, out var f) ? f : null;
        var quote = xf?.QuotePrefix?.Value == true;
        var formula = c.CellFormula is not null;
        if (c.DataType?.Value == CellValues.InlineString)
        {
            return new XCell(c.InlineString!.InnerText, null, format, null, quote, formula);
        }

        if (c.DataType?.Value == CellValues.SharedString || c.DataType?.Value == CellValues.String)
        {
            throw new InvalidOperationException("The writer uses inline strings only.");
        }

        var raw = c.CellValue?.Text;
        return new XCell(null, raw is null ? null : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), format, raw, quote, formula);
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}

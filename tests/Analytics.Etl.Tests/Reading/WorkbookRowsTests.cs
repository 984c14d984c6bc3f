using System.IO.Compression;
using System.Text;
using Analytics.Etl.Reading.Workbooks;
using Analytics.Etl.Tests.Support;

namespace Analytics.Etl.Tests.Reading;

/// <summary>
/// The streaming .xlsx reader against hand-written packages holding every cell form the format allows, and against
/// ExcelDataReader (which the old .xls path still uses) on the same files.
/// </summary>
public sealed class WorkbookRowsTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_cell_form_reads_as_Excel_shows_it()
    {
        var path = Package(date1904: false);

        var sheets = Read(new XlsxWorkbookRows(path));

        Assert.Equal(["名单", "第二页"], sheets.Select(s => s.Name));
        var rows = sheets[0].Rows;
        Assert.Equal([1L, 2L, 3L, 4L, 5L], rows.Select(r => r.Number));
        Assert.Equal(
            [
                WorkbookCell.OfText("标题"), WorkbookCell.Empty, WorkbookCell.OfText("富文本"),
            ],
            rows[0].Cells);
        Assert.Empty(rows[1].Cells);
        Assert.Equal(
            [
                WorkbookCell.OfText("内联 文本"), WorkbookCell.OfNumber(12.5), WorkbookCell.OfDate(new DateTime(2016, 4, 23)),
                WorkbookCell.OfDate(new DateTime(2015, 3, 1)), WorkbookCell.OfNumber(1234.5), WorkbookCell.OfDate(new DateTime(2019, 11, 1)),
                WorkbookCell.OfBoolean(true), WorkbookCell.Empty, WorkbookCell.OfText("公式"), WorkbookCell.OfText("  "),
            ],
            rows[2].Cells);
        Assert.Equal([WorkbookCell.OfText("无引用"), WorkbookCell.OfNumber(7)], rows[3].Cells);
        Assert.Equal([WorkbookCell.Empty, WorkbookCell.OfText("第二列")], rows[4].Cells);
        Assert.Empty(sheets[1].Rows);
    }

    [Fact]
    public void ExcelDataReader_reads_the_same_rows_and_cells()
    {
        // ExcelDataReader does not know the East Asian built-in date formats (27–36, 50–58; 31 is yyyy"年"m"月"d"日"
        // in a Chinese Excel), so that cell is left out here; the streaming reader reads it as a date.
        var path = Package(date1904: false, eastAsianDate: false);

        var ours = Read(new XlsxWorkbookRows(path));
        var theirs = Read(new LegacyWorkbookRows(path));

        Assert.Equal(theirs.Select(s => s.Name), ours.Select(s => s.Name));
        for (var s = 0; s < ours.Count; s++)
        {
            Assert.Equal(Trimmed(theirs[s].Rows).Select(r => r.Number), Trimmed(ours[s].Rows).Select(r => r.Number));
            foreach (var (expected, actual) in Trimmed(theirs[s].Rows).Zip(Trimmed(ours[s].Rows)))
            {
                Assert.Equal(string.Join("\n", expected.Cells), string.Join("\n", actual.Cells));
            }
        }
    }

    [Fact]
    public void A_1904_workbook_counts_serial_dates_from_1904()
    {
        var path = Package(date1904: true);

        var cell = Read(new XlsxWorkbookRows(path))[0].Rows[2].Cells[2];

        Assert.Equal(WorkbookCell.OfDate(new DateTime(2016, 4, 23).AddDays(1462)), cell);
    }

    [Fact]
    public void A_reference_beyond_the_last_column_and_a_missing_shared_string_are_errors()
    {
        var beyond = Package(date1904: false, extraRow: """<row r="9"><c r="ZZZZ9"><v>1</v></c></row>""");
        var missing = Package(date1904: false, extraRow: """<row r="9"><c r="A9" t="s"><v>99</v></c></row>""");

        Assert.Contains("beyond Excel's last column", Assert.Throws<InvalidDataException>(() => Read(new XlsxWorkbookRows(beyond))).Message, StringComparison.Ordinal);
        Assert.Contains("shared string 99", Assert.Throws<InvalidDataException>(() => Read(new XlsxWorkbookRows(missing))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", true)]
    [InlineData("h:mm:ss", true)]
    [InlineData("0.00E+00", false)]
    [InlineData("#,##0.00\"元\"", false)]
    [InlineData("[Red]0.00", false)]
    [InlineData("\"day\"0", false)]
    [InlineData("General", false)]
    public void Custom_number_formats_are_dates_when_they_show_a_date_or_time(string code, bool isDate) =>
        Assert.Equal(isDate, DateFormats.IsDateCode(code));

    private static IEnumerable<(long Number, WorkbookCell[] Cells)> Trimmed(List<(long Number, WorkbookCell[] Cells)> rows) =>
        rows.Take(rows.FindLastIndex(r => r.Cells.Length > 0) + 1);

    private static List<(string Name, List<(long Number, WorkbookCell[] Cells)> Rows)> Read(WorkbookRows workbook)
    {
        using (workbook)
        {
            var sheets = new List<(string, List<(long, WorkbookCell[])>)>();
            while (workbook.NextSheet())
            {
                var rows = new List<(long, WorkbookCell[])>();
                while (workbook.NextRow())
                {
                    rows.Add((workbook.RowNumber, workbook.Cells.ToArray()));
                }

                sheets.Add((workbook.SheetName, rows));
            }

            return sheets;
        }
    }

    /// <summary>
    /// A package written by hand: shared strings (one rich, with a phonetic run), an x:-prefixed sheet, built-in,
    /// East Asian and custom date formats, a scientific format, a boolean, an error, a formula string, a cell and a row
    /// without references, a missing row, an East Asian built-in date format (unless told not to); the second sheet's part is named by an absolute target and has no rows.
    /// </summary>
    private string Package(bool date1904, string extraRow = "", bool eastAsianDate = true)
    {
        var serial = new DateTime(2016, 4, 23).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="{(date1904 ? "1" : "0")}"/><sheets><sheet name="名单" sheetId="1" r:id="rId1"/><sheet name="第二页" sheetId="2" r:id="rId2"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""",
            ["xl/sharedStrings.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="3" uniqueCount="3"><si><t>标题</t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si><t/></si></sst>""",
            ["xl/styles.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00E+00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs></styleSheet>""",
            ["xl/worksheets/sheet1.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <x:worksheet xmlns:x="{Main}"><x:dimension ref="A1:J5"/><x:sheetData>
                <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>2</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
                <x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t xml:space="preserve">内联 文本</x:t></x:is></x:c><x:c r="B3"><x:v>12.5</x:v></x:c><x:c r="C3" s="1"><x:v>{serial}</x:v></x:c><x:c r="D3" s="2"><x:v>42064</x:v></x:c><x:c r="E3" s="3"><x:v>1234.5</x:v></x:c><x:c r="F3" s="{(eastAsianDate ? 4 : 0)}"><x:v>43770</x:v></x:c><x:c r="G3" t="b"><x:v>1</x:v></x:c><x:c r="H3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="I3" t="str"><x:f>CONCAT("公","式")</x:f><x:v>公式</x:v></x:c><x:c r="J3" t="inlineStr"><x:is><x:t xml:space="preserve">  </x:t></x:is></x:c></x:row>
                <x:row><x:c t="inlineStr"><x:is><x:t>无引用</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>
                <x:row r="5" spans="1:2"><x:c r="A5" s="0"/><x:c r="B5" t="inlineStr"><x:is><x:r><x:t>第二</x:t></x:r><x:r><x:t>列</x:t></x:r></x:is></x:c></x:row>
                {extraRow.Replace("<", "<x:", StringComparison.Ordinal).Replace("<x:/", "</x:", StringComparison.Ordinal)}
                </x:sheetData></x:worksheet>
                """,
            ["xl/worksheets/sheet2.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData/></worksheet>""",
        };
        var path = folder.File($"book-{Guid.NewGuid():N}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in parts)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text.Trim());
        }

        return path;
    }
}

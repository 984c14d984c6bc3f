using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Analytics.DemoData.Writers;

/// <summary>
/// Streams an .xlsx workbook: each sheet's XML goes through <see cref="SheetXmlWriter"/> straight into a zip entry.
/// The package is assembled with <see cref="ZipArchive"/> in create mode rather than through SpreadsheetDocument,
/// because System.IO.Packaging opens the archive for update (buffering parts in memory) and stamps entries with the
/// current time; here memory stays flat and the same rows give the same bytes.
/// Every sheet has a title row (merged across the columns) above the header row; a sheet that would pass
/// <see cref="MaxRowsPerSheet"/> continues on a new sheet with the same title and header.
/// </summary>
internal sealed class XlsxWorkbookWriter : IDisposable
{
    /// <summary>Excel's limit of rows per sheet.</summary>
    public const int ExcelRowLimit = 1_048_576;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string DateStyle = "1";
    private const string BoldStyle = "2";
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly List<string> _sheetNames = [];

    private Stream? _sheetStream;
    private SheetXmlWriter? _writer;
    private string _sheetName = "";
    private string _title = "";
    private IReadOnlyList<string> _headers = [];
    private int _rowNumber;
    private int _column;
    private int _continuation;

    public XlsxWorkbookWriter(string path, IReadOnlyList<string> sharedStrings, int maxRowsPerSheet)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _sharedStrings = sharedStrings;
        MaxRowsPerSheet = Math.Clamp(maxRowsPerSheet, 4, ExcelRowLimit);
    }

    public int MaxRowsPerSheet { get; }

    public int SheetCount => _sheetNames.Count;

    /// <summary>Starts a sheet: writes the title row and the header row.</summary>
    public void BeginSheet(string name, string title, IReadOnlyList<string> headers)
    {
        if (headers.Count > 26)
        {
            throw new ArgumentException("Sheets here are at most 26 columns (A–Z) wide.", nameof(headers));
        }

        EndSheet();
        _sheetName = name;
        _title = title;
        _headers = headers;
        _continuation = 1;
        OpenSheet(name);
    }

    /// <summary>Starts a data row, moving to a continuation sheet when this one is full.</summary>
    public void BeginRow()
    {
        if (_rowNumber >= MaxRowsPerSheet)
        {
            CloseSheet();
            _continuation++;
            OpenSheet(string.Create(CultureInfo.InvariantCulture, $"{Truncate(_sheetName, 26)}({_continuation})"));
        }

        StartRow();
    }

    public void Text(string? value) => TextCell(value, null);

    public void Number(double value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        _writer!.ValueCell(NextColumn(), null, null, text[..length]);
    }

    public void Number(long value)
    {
        Span<char> text = stackalloc char[20];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        _writer!.ValueCell(NextColumn(), null, null, text[..length]);
    }

    /// <summary>A real date cell: the Excel serial number with a date format.</summary>
    public void Date(DateOnly value)
    {
        Span<char> text = stackalloc char[11];
        Dirt.DirtyText.ExcelSerial(value).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        _writer!.ValueCell(NextColumn(), DateStyle, null, text[..length]);
    }

    /// <summary>A cell holding shared string number <paramref name="index"/> (the fixed table given at construction).</summary>
    public void Shared(int index)
    {
        Span<char> text = stackalloc char[11];
        index.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        _writer!.ValueCell(NextColumn(), null, "s", text[..length]);
    }

    /// <summary>Leaves the next cell empty (not written at all, as Excel does).</summary>
    public void Skip() => _column++;

    public void EndRow() => _writer!.EndRow();

    /// <summary>An empty row, as a stray blank line in a spreadsheet.</summary>
    public void BlankRow()
    {
        BeginRow();
        EndRow();
    }

    public void EndSheet()
    {
        if (_writer is not null)
        {
            CloseSheet();
        }
    }

    public void Dispose()
    {
        EndSheet();
        WritePackageParts();
        _zip.Dispose();
        _file.Dispose();
    }

    private void OpenSheet(string name)
    {
        _sheetNames.Add(name);
        var entry = _zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{_sheetNames.Count}.xml"), CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        _sheetStream = entry.Open();
        _writer = new SheetXmlWriter(_sheetStream);
        _rowNumber = 0;

        StartRow();
        TextCell(_title, BoldStyle);
        EndRow();
        StartRow();
        foreach (var header in _headers)
        {
            TextCell(header, BoldStyle);
        }

        EndRow();
    }

    private void CloseSheet()
    {
        _writer!.Close(_headers.Count > 1 ? (char)('A' + _headers.Count - 1) : null);
        _writer.Dispose();
        _sheetStream!.Dispose();
        _writer = null;
        _sheetStream = null;
    }

    private void StartRow()
    {
        _rowNumber++;
        _column = 0;
        _writer!.StartRow(_rowNumber);
    }

    /// <summary>The next cell's column letter (sheets here are at most 26 columns wide).</summary>
    private char NextColumn() => (char)('A' + _column++);

    private void TextCell(string? value, string? style)
    {
        if (value is null)
        {
            _column++;
            return;
        }

        _writer!.TextCell(NextColumn(), style, value);
    }

    private void WritePackageParts()
    {
        var sheets = new StringBuilder();
        var workbookRels = new StringBuilder();
        var overrides = new StringBuilder();
        for (var i = 1; i <= _sheetNames.Count; i++)
        {
            sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{SecurityElement.Escape(_sheetNames[i - 1])}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>");
            workbookRels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i}\" Type=\"{RelNs}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
            overrides.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        var strings = new StringBuilder();
        foreach (var s in _sharedStrings)
        {
            strings.Append("<si><t>").Append(SecurityElement.Escape(s)).Append("</t></si>");
        }

        const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
        Part("[Content_Types].xml", Declaration +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            overrides +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
            "</Types>");
        Part("_rels/.rels", Declaration +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/>" +
            "</Relationships>");
        Part("xl/workbook.xml", Declaration +
            $"<workbook xmlns=\"{MainNs}\" xmlns:r=\"{RelNs}\"><sheets>{sheets}</sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", Declaration +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + workbookRels +
            $"<Relationship Id=\"rIdStyles\" Type=\"{RelNs}/styles\" Target=\"styles.xml\"/>" +
            $"<Relationship Id=\"rIdStrings\" Type=\"{RelNs}/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
            "</Relationships>");
        Part("xl/styles.xml", Declaration +
            $"<styleSheet xmlns=\"{MainNs}\">" +
            "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>" +
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
            "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>" +
            "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles>" +
            "</styleSheet>");
        Part("xl/sharedStrings.xml", Declaration +
            string.Create(CultureInfo.InvariantCulture, $"<sst xmlns=\"{MainNs}\" count=\"{_sharedStrings.Count}\" uniqueCount=\"{_sharedStrings.Count}\">") +
            strings + "</sst>");
    }

    private void Part(string name, string xml)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        var bytes = Encoding.UTF8.GetBytes(xml);
        stream.Write(bytes);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

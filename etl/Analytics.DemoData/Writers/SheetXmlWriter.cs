using System.Text;
using System.Xml;

namespace Analytics.DemoData.Writers;

/// <summary>
/// Writes one worksheet's XML through a plain <see cref="XmlWriter"/>, making exactly the calls the OpenXml SDK's
/// SAX writer (OpenXmlPartWriter) made for the same cells — same settings, prefixes, attributes and order — so the
/// bytes, and the chunks the deflate stream sees, are unchanged and workbooks stay byte-identical. What goes is the
/// SDK's per-element overhead (element objects, attribute lists, namespace lookups), which dominated the cost of
/// millions of survey cells.
/// </summary>
internal sealed class SheetXmlWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNs = "http://www.w3.org/2000/xmlns/";
    private const string Prefix = "x";

    private static readonly XmlWriterSettings Settings = new() { CloseOutput = false, Encoding = new UTF8Encoding(false) };

    private readonly XmlWriter _xml;
    private readonly char[] _reference = new char[12];
    private readonly char[] _value = new char[32];
    private int _rowDigits;

    /// <summary>Starts the document: declaration, worksheet (declaring r:) and sheetData.</summary>
    public SheetXmlWriter(Stream target)
    {
        _xml = XmlWriter.Create(target, Settings);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement(Prefix, "worksheet", MainNs);
        _xml.WriteAttributeString("xmlns", "r", XmlnsNs, RelNs);
        _xml.WriteStartElement(Prefix, "sheetData", MainNs);
    }

    public void StartRow(int number)
    {
        number.TryFormat(_reference.AsSpan(1), out _rowDigits, default, System.Globalization.CultureInfo.InvariantCulture);
        _xml.WriteStartElement(Prefix, "row", MainNs);
        _xml.WriteStartAttribute(string.Empty, "r", string.Empty);
        _xml.WriteChars(_reference, 1, _rowDigits);
        _xml.WriteEndAttribute();
    }

    public void EndRow() => _xml.WriteEndElement();

    /// <summary>An inline-string cell (<c>xml:space="preserve"</c> when the text starts or ends with white space).</summary>
    public void TextCell(char column, string? style, string value)
    {
        StartCell(column, style, "inlineStr");
        _xml.WriteStartElement(Prefix, "is", MainNs);
        _xml.WriteStartElement(Prefix, "t", MainNs);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            _xml.WriteAttributeString("xml", "space", XmlNs, "preserve");
        }

        _xml.WriteString(value);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>A cell with a value element (a number, a date serial, a shared string index).</summary>
    public void ValueCell(char column, string? style, string? type, ReadOnlySpan<char> value)
    {
        StartCell(column, style, type);
        _xml.WriteStartElement(Prefix, "v", MainNs);
        value.CopyTo(_value);
        _xml.WriteChars(_value, 0, value.Length);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>Ends sheetData, adds the title's merge (A1 across <paramref name="lastColumn"/>) if any, ends the worksheet.</summary>
    public void Close(char? lastColumn)
    {
        _xml.WriteEndElement(); // sheetData
        if (lastColumn is { } last)
        {
            _xml.WriteStartElement(Prefix, "mergeCells", MainNs);
            _xml.WriteAttributeString(string.Empty, "count", string.Empty, "1");
            _xml.WriteStartElement(Prefix, "mergeCell", MainNs);
            _xml.WriteAttributeString(string.Empty, "ref", string.Empty, $"A1:{last}1");
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement(); // worksheet

        // Close flushes the target too, which ends the deflate data with a sync marker, as before.
        _xml.Close();
    }

    public void Dispose() => _xml.Dispose();

    private void StartCell(char column, string? style, string? type)
    {
        _xml.WriteStartElement(Prefix, "c", MainNs);
        _reference[0] = column;
        _xml.WriteStartAttribute(string.Empty, "r", string.Empty);
        _xml.WriteChars(_reference, 0, _rowDigits + 1);
        _xml.WriteEndAttribute();
        if (style is not null)
        {
            _xml.WriteAttributeString(string.Empty, "s", string.Empty, style);
        }

        if (type is not null)
        {
            _xml.WriteAttributeString(string.Empty, "t", string.Empty, type);
        }
    }
}

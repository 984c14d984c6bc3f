using System.Globalization;
using System.Text;

namespace Analytics.DemoData.Writers;

/// <summary>
/// Writes a CSV extract the way government systems export one: CRLF lines, fields quoted only when they must be,
/// in a given encoding (GBK for the registry, UTF-8 with BOM for R&amp;D). One reusable line buffer, so writing
/// millions of rows allocates next to nothing.
/// </summary>
internal sealed class CsvFeedWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(256);
    private bool _rowHasField;

    public CsvFeedWriter(string path, Encoding encoding, bool byteOrderMark)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (byteOrderMark)
        {
            _stream.Write(encoding.Preamble);
        }

        // The preamble, if any, is written above: the writer must not add another.
        _writer = new StreamWriter(_stream, WithoutPreamble(encoding), 1 << 16);
    }

    public long BytesWritten
    {
        get
        {
            _writer.Flush();
            return _stream.Length;
        }
    }

    public void Field(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            _line.Append(value);
        }
    }

    public void Field(long value)
    {
        Separate();
        _line.Append(CultureInfo.InvariantCulture, $"{value}");
    }

    /// <summary>An amount with at most two decimals, as 万元 figures are exported.</summary>
    public void Amount(double value)
    {
        Separate();
        _line.Append(CultureInfo.InvariantCulture, $"{value:0.##}");
    }

    public void EndRow()
    {
        _line.Append("\r\n");
        _writer.Write(_line);
        _line.Clear();
        _rowHasField = false;
    }

    /// <summary>Writes a header line from the given names.</summary>
    public void Header(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            Field(name);
        }

        EndRow();
    }

    /// <summary>A blank line: empty, or (as spreadsheets save them) just the separators.</summary>
    public void BlankLine(int columns, bool withSeparators)
    {
        if (withSeparators)
        {
            _line.Append(',', columns - 1);
        }

        EndRow();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void Separate()
    {
        if (_rowHasField)
        {
            _line.Append(',');
        }

        _rowHasField = true;
    }

    private static Encoding WithoutPreamble(Encoding encoding) =>
        encoding is UTF8Encoding ? new UTF8Encoding(false, true) : encoding;
}

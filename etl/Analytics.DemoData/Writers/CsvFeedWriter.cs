using System.Buffers;
using System.Globalization;
using System.Text;

namespace Analytics.DemoData.Writers;

/// <summary>
/// Writes a CSV extract the way government systems export one: CRLF lines, fields quoted only when they must be,
/// in a given encoding (GBK for the registry, UTF-8 with BOM for R&amp;D). Fields are encoded straight into one
/// pooled byte buffer that goes to the file in large writes: ASCII (codes, numbers, dates) is copied as is — both
/// encodings agree on it — and only text with Chinese characters goes through the encoder, with the few short
/// labels that repeat on every row (登记状态, 企业规模, district names) encoded once.
/// </summary>
internal sealed class CsvFeedWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int CachedLabelLength = 8;
    private const int CachedLabelLimit = 4096;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly FileStream _stream;
    private readonly Encoding _encoding;
    private readonly Dictionary<string, byte[]> _labels = new(StringComparer.Ordinal);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    private bool _rowHasField;

    public CsvFeedWriter(string path, Encoding encoding, bool byteOrderMark)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Unbuffered: the writer's own buffer is far larger than FileStream's, and writes go through whole.
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        _encoding = encoding;
        if (byteOrderMark)
        {
            Append(encoding.Preamble);
        }
    }

    public void Field(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().ContainsAny(NeedsQuotes))
        {
            Append("\""u8);
            Text(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            Append("\""u8);
        }
        else
        {
            Text(value);
        }
    }

    public void Field(long value)
    {
        Separate();
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>An amount with at most two decimals, as 万元 figures are exported.</summary>
    public void Amount(double value)
    {
        Separate();
        Reserve(40);
        _length += AmountText.Format(value, _buffer.AsSpan(_length));
    }

    public void EndRow()
    {
        Append("\r\n"u8);
        _rowHasField = false;
        if (_length >= BufferSize - 4096)
        {
            Flush();
        }
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
            for (var i = 1; i < columns; i++)
            {
                Append(","u8);
            }
        }

        EndRow();
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Text(string value)
    {
        var chars = value.AsSpan();
        if (Ascii.IsValid(chars))
        {
            Reserve(chars.Length);
            Ascii.FromUtf16(chars, _buffer.AsSpan(_length), out var written);
            _length += written;
        }
        else if (chars.Length <= CachedLabelLength)
        {
            if (!_labels.TryGetValue(value, out var bytes))
            {
                bytes = _encoding.GetBytes(value);
                if (_labels.Count < CachedLabelLimit)
                {
                    _labels[value] = bytes;
                }
            }

            Append(bytes);
        }
        else
        {
            Reserve(_encoding.GetMaxByteCount(chars.Length));
            _length += _encoding.GetBytes(chars, _buffer.AsSpan(_length));
        }
    }

    private void Separate()
    {
        if (_rowHasField)
        {
            Append(","u8);
        }

        _rowHasField = true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes: flushes, and grows only for a field larger than the buffer.</summary>
    private void Reserve(int count)
    {
        if (_buffer.Length - _length >= count)
        {
            return;
        }

        Flush();
        if (_buffer.Length < count)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(count);
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}

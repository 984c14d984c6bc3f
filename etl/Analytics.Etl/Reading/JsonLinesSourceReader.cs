using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>
/// JSON Lines: one JSON object per line, UTF-8. Keys are matched like headers (English or Chinese), so each row is
/// delivered in contract order. A line that is not a well-formed object becomes a quarantined row, not a crash; an
/// array value (applicants) is delivered as its elements separated by <see cref="ListSeparator"/>.
/// </summary>
internal sealed class JsonLinesSourceReader : SourceReader
{
    /// <summary>Separates the elements of a JSON array inside one field (U+001F, the unit separator).</summary>
    public const char ListSeparator = '\u001F';

    private static readonly JsonReaderOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly FeedContract contract;
    private readonly FileStream stream;
    private readonly HeaderMatcher matcher;
    private readonly int maxRowBytes;
    private readonly List<(byte[] Key, int Field)> keyCache = [];
    private readonly HashSet<string> unknownKeys = new(StringComparer.Ordinal);
    private byte[] buffer = new byte[256 * 1024];
    private int start;
    private int end;
    private bool eof;
    private long line = 1;
    private bool sectionGiven;
    private char[] chars = new char[1024];
    private char[] list = new char[256];
    private readonly bool[] seen;
    private readonly long limit = long.MaxValue;
    private long position;

    public JsonLinesSourceReader(string path, FeedContract contract, FeedReadOptions options)
        : this(path, contract, options, null)
    {
    }

    /// <summary>
    /// A reader of one chunk of the file (<see cref="TextChunk"/>): the first chunk checks the file as usual; a later
    /// one starts at its line boundary and numbers its rows from the chunk's first line.
    /// </summary>
    public JsonLinesSourceReader(string path, FeedContract contract, FeedReadOptions options, TextChunk? chunk)
        : base(path)
    {
        this.contract = contract;
        matcher = new HeaderMatcher(contract);
        maxRowBytes = options.MaxRowChars;
        seen = new bool[contract.Fields.Count];
        if (chunk is not null)
        {
            limit = chunk.End;
            if (chunk.Start > 0)
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                stream.Position = position = chunk.Start;
                line = chunk.FirstLine;
                EncodingName = "UTF-8";
                return;
            }
        }

        var head = FileSniffer.ReadHead(path, TextDecoding.SampleBytes);
        if (head.Length == 0)
        {
            throw new ExtractRefusedException(path, "the file is empty (0 bytes).");
        }

        if (FileSniffer.BinarySignature(head) is { } binary)
        {
            throw new ExtractRefusedException(path, $"the file is {binary}, not JSON Lines text.");
        }

        var choice = TextDecoding.Choose(path, head, head.Length == new FileInfo(path).Length, ExtractEncoding.Utf8);
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = position = choice.BomLength;
        EncodingName = choice.Name;
    }

    public override string EncodingName { get; }

    public override bool HasHeader => false;

    /// <summary>The unknown keys in the order their warnings were added (one warning each, in <see cref="SourceReader.Warnings"/>).</summary>
    internal List<string> UnknownKeyOrder { get; } = [];

    public override bool NextSection()
    {
        if (sectionGiven)
        {
            return false;
        }

        sectionGiven = true;
        Map = ColumnMap.Identity(contract);
        return true;
    }

    public override bool Read(SourceRow row)
    {
        if (!NextLine(out var from, out var length, out var total))
        {
            return false;
        }

        // Too long even when the buffer happened to hold all of it: the same verdict as when it did not, so a line's
        // fate never depends on where the reader's buffer was (or where a parallel read's chunk began).
        var tooLong = total > length || length >= maxRowBytes;
        if (tooLong)
        {
            length = Math.Min(length, SourceRow.MaxRawChars);
        }

        row.Reset(line, contract.Fields.Count);
        line++;
        if (RowFilter is { } wanted && !wanted(0, row.RowNumber))
        {
            return true;
        }

        var bytes = buffer.AsSpan(from, length);
        if (tooLong)
        {
            row.SetRaw(Encoding.UTF8.GetString(bytes));
            row.Length = total;
            row.SetProblem(RuleIds.RowTooLong, $"the line has {total:N0} bytes, more than the {maxRowBytes:N0} accepted; it was skipped without being read");
            return true;
        }

        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            return true; // a blank line: every field empty
        }

        if (!Utf8.IsValid(bytes))
        {
            throw new ExtractRefusedException(FilePath, $"line {row.RowNumber} is not valid UTF-8; JSON Lines must be UTF-8 throughout.");
        }

        EnsureChars(bytes.Length);
        row.SetRaw(chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars)));
        Parse(bytes, row);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }
    }

    private void Parse(ReadOnlySpan<byte> bytes, SourceRow row)
    {
        Array.Clear(seen);
        var reader = new Utf8JsonReader(bytes, JsonOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                row.SetProblem(RuleIds.JsonMalformed, "the line is not a JSON object ({ … })");
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader, row.RowNumber);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }

                if (seen[field])
                {
                    row.SetProblem(RuleIds.JsonMalformed, $"the object gives {contract.Fields[field].Name} twice (under two of its names)");
                    return;
                }

                seen[field] = true;
                if (!ReadValue(ref reader, row, field))
                {
                    return;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                row.SetProblem(RuleIds.JsonMalformed, "the line holds more than one JSON value");
            }
        }
        catch (JsonException ex)
        {
            row.SetProblem(RuleIds.JsonMalformed, $"malformed JSON at byte {ex.BytePositionInLine}: {ex.Message}");
        }
    }

    private bool ReadValue(ref Utf8JsonReader reader, SourceRow row, int field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
            {
                var target = row.BeginField(reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length);
                row.CommitFieldAt(field, reader.CopyString(target));
                return true;
            }

            case JsonTokenType.Number:
            {
                var target = row.BeginField(reader.ValueSpan.Length);
                row.CommitFieldAt(field, Encoding.ASCII.GetChars(reader.ValueSpan, target));
                return true;
            }

            case JsonTokenType.True or JsonTokenType.False:
                row.SetField(field, reader.TokenType == JsonTokenType.True ? "true" : "false");
                return true;

            case JsonTokenType.Null:
                return true;

            case JsonTokenType.StartArray:
            {
                var n = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    {
                        row.SetProblem(RuleIds.JsonMalformed, $"{contract.Fields[field].Name} holds a {reader.TokenType} inside its array; only strings are accepted");
                        return false;
                    }

                    if (n > 0)
                    {
                        EnsureList(n + 1);
                        list[n++] = ListSeparator;
                    }

                    var length = reader.ValueSpan.Length;
                    EnsureList(n + length);
                    n += reader.TokenType == JsonTokenType.String
                        ? reader.CopyString(list.AsSpan(n))
                        : Encoding.ASCII.GetChars(reader.ValueSpan, list.AsSpan(n));
                }

                row.SetField(field, list.AsSpan(0, n));
                return true;
            }

            default:
                row.SetProblem(RuleIds.JsonMalformed, $"{contract.Fields[field].Name} holds a JSON {reader.TokenType}; a string, number or array of strings was expected");
                return false;
        }
    }

    private int FieldOf(ref Utf8JsonReader reader, long lineNumber)
    {
        foreach (var (key, field) in keyCache)
        {
            if (reader.ValueTextEquals(key))
            {
                return field;
            }
        }

        var name = reader.GetString() ?? "";
        var found = matcher.Match(name, out _, out _);
        if (keyCache.Count < 256)
        {
            keyCache.Add((Encoding.UTF8.GetBytes(name), found));
        }

        if (found < 0 && unknownKeys.Add(name))
        {
            UnknownKeyOrder.Add(name);
            Warnings.Add($"unknown key '{name}' (first on line {lineNumber}) is not loaded; it stays in the raw text of quarantined rows.");
        }

        return found;
    }

    // The next line as [from, from+length) in the buffer; total is its full length (greater when it was too long to keep).
    private bool NextLine(out int from, out int length, out long total)
    {
        var scanned = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                from = start;
                length = scanned + newline;
                total = length;
                start += length + 1;
                return true;
            }

            scanned = end - start;
            if (eof)
            {
                from = start;
                length = end - start;
                total = length;
                start = end;
                return length > 0;
            }

            if (scanned >= maxRowBytes)
            {
                return SkipLongLine(out from, out length, out total);
            }

            FillMore();
        }
    }

    private bool SkipLongLine(out int from, out int length, out long total)
    {
        // Keep a preview, then read on to the line's end without holding it.
        var preview = Math.Min(end - start, SourceRow.MaxRawChars);
        var keep = buffer.AsSpan(start, preview).ToArray();
        total = end - start;
        start = end;
        while (true)
        {
            FillMore();
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                total += newline;
                start += newline + 1;
                break;
            }

            total += end - start;
            start = end;
            if (eof)
            {
                break;
            }
        }

        // Put the preview at the buffer's end region start so the caller can read it.
        if (start < keep.Length)
        {
            var rest = buffer.AsSpan(start, end - start).ToArray();
            EnsureBuffer(keep.Length + rest.Length);
            keep.CopyTo(buffer, 0);
            rest.CopyTo(buffer, keep.Length);
            start = keep.Length;
            end = keep.Length + rest.Length;
        }
        else
        {
            keep.CopyTo(buffer, 0);
        }

        from = 0;
        length = keep.Length;
        return true;
    }

    private void FillMore()
    {
        if (eof)
        {
            return;
        }

        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var n = stream.Read(buffer, end, (int)Math.Min(buffer.Length - end, limit - position));
        position += n;
        if (n == 0)
        {
            eof = true;
        }

        end += n;
    }

    private void EnsureBuffer(int size)
    {
        if (buffer.Length < size)
        {
            Array.Resize(ref buffer, size);
        }
    }

    private void EnsureChars(int size)
    {
        if (chars.Length < size)
        {
            chars = new char[Math.Max(size, chars.Length * 2)];
        }
    }

    private void EnsureList(int size)
    {
        if (list.Length < size)
        {
            Array.Resize(ref list, Math.Max(size, list.Length * 2));
        }
    }
}

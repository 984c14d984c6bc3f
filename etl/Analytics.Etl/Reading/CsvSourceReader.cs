using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>
/// RFC 4180 CSV: fields separated by a delimiter (comma, or tab/semicolon/pipe when the header uses one of those
/// instead), optionally quoted with <c>"</c>, a quote inside a quoted field doubled, quoted fields may span lines;
/// rows end with CRLF, LF or CR. Decodes in blocks into a reused buffer; a row longer than the cap is skipped without
/// being held and delivered as a <c>row_too_long</c> problem.
/// </summary>
internal sealed class CsvSourceReader : SourceReader
{
    private const int ByteBlock = 64 * 1024;
    private readonly FileStream stream;
    private readonly Decoder decoder;
    private readonly string encodingName;
    private readonly int maxRowChars;
    private readonly HeaderMatcher matcher;
    private readonly TextDecoding.Choice choice;
    private readonly long limit = long.MaxValue;
    private readonly bool headerGiven;
    private readonly byte[] bytes = new byte[ByteBlock];
    private int byteCount;
    private int bytePos;
    private long bytesBefore;
    private bool streamDone;
    private bool decoderFlushed;
    private bool eof;
    private char[] buffer = new char[128 * 1024];
    private int start;
    private int end;
    private long line = 1;
    private char delimiter = ',';
    private bool headerRead;
    private bool pastHeader;
    private int[] fieldStarts = new int[64];
    private int[] fieldEnds = new int[64];
    private bool[] fieldQuoted = new bool[64];

    public CsvSourceReader(string path, FeedContract contract, FeedReadOptions options)
        : this(path, contract, options, null, null)
    {
    }

    /// <summary>
    /// A reader of one chunk of the file (<see cref="TextChunk"/>): the first chunk reads the header as usual and stops
    /// at the chunk's end; a later one starts at its record boundary with the header already read by the first
    /// (<paramref name="layout"/>: encoding, delimiter, column map) and numbers its rows from the chunk's first line.
    /// </summary>
    public CsvSourceReader(string path, FeedContract contract, FeedReadOptions options, TextChunk? chunk, CsvLayout? layout)
        : base(path)
    {
        maxRowChars = options.MaxRowChars;
        matcher = new HeaderMatcher(contract);
        if (chunk is not null)
        {
            limit = chunk.End;
        }

        if (layout is not null)
        {
            ArgumentNullException.ThrowIfNull(chunk);
            choice = layout.Choice;
            encodingName = choice.Name;
            decoder = choice.Encoding.GetDecoder();
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            stream.Position = chunk.Start;
            bytesBefore = chunk.Start;
            line = chunk.FirstLine;
            delimiter = layout.Delimiter;
            Map = layout.Map;
            headerGiven = true;
            return;
        }

        var head = FileSniffer.ReadHead(path, TextDecoding.SampleBytes);
        var fileLength = new FileInfo(path).Length;
        if (fileLength == 0)
        {
            throw new ExtractRefusedException(path, "the file is empty (0 bytes).");
        }

        if (FileSniffer.BinarySignature(head) is { } binary)
        {
            throw new ExtractRefusedException(path, $"the file is {binary}, not CSV text. Export the sheet as CSV, or give the workbook an .xlsx name.");
        }

        choice = TextDecoding.Choose(path, head, head.Length == fileLength, options.Encoding);
        encodingName = choice.Name;
        decoder = choice.Encoding.GetDecoder();
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = choice.BomLength;
        bytesBefore = choice.BomLength;
    }

    public override string EncodingName => encodingName;

    public override bool HasHeader => true;

    /// <summary>The chosen encoding (with its BOM length).</summary>
    internal TextDecoding.Choice Choice => choice;

    /// <summary>The field delimiter, known once the header is read.</summary>
    internal char Delimiter => delimiter;

    /// <summary>The line number the next row starts on (after the header: the first data row's).</summary>
    internal long NextLineNumber => line;

    public override bool NextSection()
    {
        if (headerRead)
        {
            return false;
        }

        headerRead = true;
        if (headerGiven)
        {
            pastHeader = true;
            return true;
        }

        if (!Fill())
        {
            throw new ExtractRefusedException(FilePath, "the file is empty (no header row).");
        }

        DetectDelimiter();
        var header = new SourceRow();
        do
        {
            if (!Read(header))
            {
                throw new ExtractRefusedException(FilePath, "the file holds only blank lines (no header row).");
            }
        }
        while (header.IsBlank);

        if (header.ProblemRule is not null)
        {
            throw new ExtractRefusedException(FilePath, $"the header row (line {header.RowNumber}) cannot be read: {header.ProblemMessage}");
        }

        var cells = new string?[header.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = header.Field(i).ToString();
        }

        Map = matcher.Build(cells, FilePath, null, Warnings);
        pastHeader = true;
        return true;
    }

    public override bool Read(SourceRow row)
    {
        if (start >= end && !Fill())
        {
            return false;
        }

        var rel = 0;
        var fieldCount = 0;
        var fieldStart = 0;
        var quoted = false;
        var inQuotes = false;
        var newlines = 0;
        var oversized = false;
        long discarded = 0;
        var terminator = 0;
        row.Reset(line);
        if (TryReadPlainLine(row))
        {
            return true;
        }

        while (true)
        {
            if (start + rel >= end)
            {
                if (!oversized && rel >= maxRowChars)
                {
                    // Keep a preview for the quarantine and stop holding the row.
                    oversized = true;
                    row.SetRaw(buffer.AsSpan(start, Math.Min(rel, SourceRow.MaxRawChars)));
                }

                if (oversized)
                {
                    discarded += rel;
                    start += rel;
                    fieldStart -= rel;
                    rel = 0;
                }

                if (!Fill())
                {
                    break;
                }

                continue;
            }

            if (inQuotes)
            {
                // Inside quotes only a quote (closing or doubled) and line breaks (for line numbers) matter.
                var quotedRest = buffer.AsSpan(start + rel, end - start - rel);
                var k = quotedRest.IndexOfAny('"', '\n');
                if (k < 0)
                {
                    rel += quotedRest.Length;
                    continue;
                }

                rel += k;
                if (buffer[start + rel] == '\n')
                {
                    newlines++;
                    rel++;
                    continue;
                }

                if (start + rel + 1 >= end && Fill())
                {
                    continue;
                }

                if (start + rel + 1 < end && buffer[start + rel + 1] == '"')
                {
                    rel += 2;
                    continue;
                }

                inQuotes = false;
                rel++;
                continue;
            }

            if (rel == fieldStart && buffer[start + rel] == '"')
            {
                inQuotes = true;
                quoted = true;
                rel++;
                continue;
            }

            var rest = buffer.AsSpan(start + rel, end - start - rel);
            var j = rest.IndexOfAny(delimiter, '\n', '\r');
            if (j < 0)
            {
                rel += rest.Length;
                continue;
            }

            rel += j;
            var c = buffer[start + rel];
            if (c == delimiter)
            {
                if (!oversized)
                {
                    AddFieldRef(ref fieldCount, fieldStart, rel, quoted);
                }

                fieldStart = rel + 1;
                quoted = false;
                rel++;
                continue;
            }

            terminator = 1;
            if (c == '\r')
            {
                if (start + rel + 1 >= end)
                {
                    Fill();
                }

                if (start + rel + 1 < end && buffer[start + rel + 1] == '\n')
                {
                    terminator = 2;
                }
            }

            break;
        }

        line += 1 + newlines;
        if (!oversized && rel >= maxRowChars)
        {
            // Too long, though the buffer happened to hold all of it: the same verdict as when it did not, so a row's
            // fate never depends on where the reader's buffer was (or where a parallel read's chunk began).
            oversized = true;
            row.SetRaw(buffer.AsSpan(start, Math.Min(rel, SourceRow.MaxRawChars)));
        }

        if (oversized)
        {
            var total = discarded + rel;
            row.Length = total;
            row.SetProblem(RuleIds.RowTooLong, $"the row has {total:N0} characters, more than the {maxRowChars:N0} accepted (a missing line break or an unclosed quote?); it was skipped without being read");
        }
        else
        {
            AddFieldRef(ref fieldCount, fieldStart, rel, quoted);
            var record = buffer.AsSpan(start, rel);
            for (var i = 0; i < fieldCount; i++)
            {
                var field = record[fieldStarts[i]..fieldEnds[i]];
                if (fieldQuoted[i])
                {
                    var target = row.BeginField(field.Length);
                    row.CommitField(Unescape(field, target));
                }
                else
                {
                    row.AddField(field);
                }
            }

            SetRaw(row, start, rel);
            if (inQuotes)
            {
                row.SetProblem(RuleIds.UnclosedQuote, "a quoted field is not closed before the end of the file");
            }
        }

        start += rel + terminator;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }
    }

    // Most rows have no quotes: find the line end with one vectorised search and split with a scalar loop, which on
    // short fields beats a vectorised search per field.
    private bool TryReadPlainLine(SourceRow row)
    {
        var rest = buffer.AsSpan(start, end - start);
        var stop = rest.IndexOfAny('\n', '\r', '"');
        if (stop < 0 || rest[stop] == '"' || stop >= maxRowChars || (rest[stop] == '\r' && stop + 1 >= rest.Length && !eof))
        {
            return false;
        }

        if (!pastHeader || RowFilter is not { } wanted || wanted(0, line))
        {
            var record = rest[..stop];
            var fieldStart = 0;
            for (var i = 0; i < record.Length; i++)
            {
                if (record[i] == delimiter)
                {
                    row.AddField(record[fieldStart..i]);
                    fieldStart = i + 1;
                }
            }

            row.AddField(record[fieldStart..]);
            SetRaw(row, start, stop);
        }

        var terminator = rest[stop] == '\r' && stop + 1 < rest.Length && rest[stop + 1] == '\n' ? 2 : 1;
        line++;
        start += stop + terminator;
        return true;
    }

    private void SetRaw(SourceRow row, int from, int length)
    {
        if (CopiesRaw)
        {
            row.SetRaw(buffer.AsSpan(from, length));
        }
        else
        {
            row.SetRawReference(buffer, from, length);
        }
    }

    private static int Unescape(ReadOnlySpan<char> field, Span<char> target)
    {
        var n = 0;
        var inQuotes = false;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < field.Length && field[i + 1] == '"')
                    {
                        target[n++] = '"';
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    target[n++] = c;
                }
            }
            else if (c == '"' && i == 0)
            {
                inQuotes = true;
            }
            else
            {
                target[n++] = c;
            }
        }

        return n;
    }

    private void AddFieldRef(ref int count, int from, int to, bool quoted)
    {
        if (count == fieldStarts.Length)
        {
            Array.Resize(ref fieldStarts, count * 2);
            Array.Resize(ref fieldEnds, count * 2);
            Array.Resize(ref fieldQuoted, count * 2);
        }

        fieldStarts[count] = from;
        fieldEnds[count] = to;
        fieldQuoted[count] = quoted;
        count++;
    }

    // The header decides the delimiter: whichever of , tab ; | occurs most outside quotes on its first line.
    private void DetectDelimiter()
    {
        Span<int> counts = stackalloc int[4];
        var inQuotes = false;
        for (var i = start; i < end; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\n' or '\r')
                {
                    if (counts[0] + counts[1] + counts[2] + counts[3] > 0)
                    {
                        break;
                    }

                    continue;
                }

                var k = c switch { ',' => 0, '\t' => 1, ';' => 2, '|' => 3, _ => -1 };
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < 4; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        delimiter = counts[best] == 0 ? ',' : ",\t;|"[best];
    }

    // Decodes more bytes after the unread chars; false when the file is exhausted.
    private bool Fill()
    {
        if (eof)
        {
            return false;
        }

        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (buffer.Length - end < 1024)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        while (true)
        {
            if (bytePos == byteCount)
            {
                if (streamDone)
                {
                    if (!decoderFlushed)
                    {
                        decoderFlushed = true;
                        var flushed = Decode(flush: true);
                        if (flushed > 0)
                        {
                            return true;
                        }
                    }

                    eof = true;
                    return false;
                }

                bytesBefore += byteCount;
                bytePos = 0;
                byteCount = stream.Read(bytes, 0, (int)Math.Min(bytes.Length, limit - bytesBefore));
                if (byteCount == 0)
                {
                    streamDone = true;
                }

                continue;
            }

            if (Decode(flush: false) > 0)
            {
                return true;
            }
        }
    }

    private int Decode(bool flush)
    {
        try
        {
            decoder.Convert(bytes, bytePos, byteCount - bytePos, buffer, end, buffer.Length - end, flush, out var bytesUsed, out var charsUsed, out _);
            bytePos += bytesUsed;
            end += charsUsed;
            return charsUsed;
        }
        catch (DecoderFallbackException ex)
        {
            throw TextDecoding.Undecodable(FilePath, encodingName, bytesBefore + bytePos + Math.Max(0, ex.Index), ex);
        }
    }
}

namespace Analytics.Etl.Reading;

/// <summary>
/// A byte range of a text extract that starts and ends on record boundaries, with the line number of its first row
/// (the number the sequential reader would give it), so chunks can be read independently and still number their rows
/// as one pass over the whole file does.
/// </summary>
/// <param name="Start">The first byte (0 for the first chunk, which also holds the BOM and header).</param>
/// <param name="End">One past the last byte.</param>
/// <param name="FirstLine">The line number of the chunk's first row.</param>
internal sealed record TextChunk(long Start, long End, long FirstLine);

/// <summary>What a CSV chunk after the first needs from the header: the encoding, the delimiter and the column map.</summary>
internal sealed record CsvLayout(TextDecoding.Choice Choice, char Delimiter, ColumnMap Map);

/// <summary>
/// Finds where a text extract may be split into chunks: after a line feed that ends a record. For JSON Lines every line
/// feed does. For CSV a line feed inside a quoted field does not, so the file is scanned once from its start with the
/// CSV reader's own quoting rules (a quote opens a quoted field only at the start of a field; a doubled quote inside
/// one is a literal quote), which proves every split point instead of guessing it. The scan touches each byte once and
/// stops only at quotes and line ends; it also counts the lines before each split point.
/// </summary>
/// <remarks>
/// The scan works on bytes: in UTF-8 and in GBK/GB18030 the bytes of <c>"</c>, CR, LF, comma, tab and semicolon never
/// occur inside a multi-byte character. The pipe (0x7C) can be the second byte of a GBK character, so a GBK file
/// delimited by pipes is not split (the caller reads it sequentially).
/// </remarks>
internal static class TextChunks
{
    private const int BlockSize = 1 << 20;

    /// <summary>The byte offsets where <paramref name="count"/> roughly equal chunks would start (after the first).</summary>
    public static long[] Targets(long dataStart, long length, int count)
    {
        var targets = new long[Math.Max(0, count - 1)];
        for (var i = 1; i < count; i++)
        {
            targets[i - 1] = dataStart + ((length - dataStart) * i / count);
        }

        return targets;
    }

    /// <summary>Splits a JSON Lines file after the first line feed at or past each target.</summary>
    public static List<TextChunk> SplitLines(string path, long length, long[] targets)
    {
        var starts = new List<(long Start, long Line)>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var block = new byte[BlockSize];
        long offset = 0;
        long line = 1;
        var next = 0;
        int n;
        while (next < targets.Length && (n = stream.Read(block, 0, block.Length)) > 0)
        {
            var span = block.AsSpan(0, n);
            var pos = 0;
            while (next < targets.Length && offset + n > targets[next])
            {
                // The first line feed at or after the target (and after the last split point).
                var from = (int)Math.Max(pos, targets[next] - offset);
                var k = span[from..].IndexOf((byte)'\n');
                if (k < 0)
                {
                    break;
                }

                line += span[pos..(from + k + 1)].Count((byte)'\n');
                pos = from + k + 1;
                starts.Add((offset + pos, line));
                while (next < targets.Length && targets[next] < offset + pos)
                {
                    next++;
                }
            }

            line += span[pos..].Count((byte)'\n');
            offset += n;
        }

        return ToChunks(starts, length);
    }

    /// <summary>
    /// Splits a CSV file at record ends found by scanning it with the reader's quoting rules from
    /// <paramref name="dataStart"/> (after the BOM). A target inside a quoted field moves to the end of that record;
    /// a file whose quote is never closed has no split point after it.
    /// </summary>
    public static List<TextChunk> SplitCsv(string path, long dataStart, long length, char delimiter, long[] targets)
    {
        var starts = new List<(long Start, long Line)>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = dataStart;
        var block = new byte[BlockSize];
        var offset = dataStart;
        long line = 1;
        var next = 0;
        var state = State.Out;
        byte previous = (byte)'\n';
        var delim = (byte)delimiter;
        int n;
        while ((n = stream.Read(block, 0, block.Length)) > 0)
        {
            var span = block.AsSpan(0, n);
            var i = 0;
            while (i < n)
            {
                switch (state)
                {
                    case State.QuoteInQuotes:
                        // A quote inside a quoted field: doubled, it is a literal quote; otherwise it closed the field.
                        if (span[i] == (byte)'"')
                        {
                            state = State.In;
                            i++;
                        }
                        else
                        {
                            state = State.Out;
                            previous = (byte)'"';
                        }

                        continue;

                    case State.CarriageReturn:
                        // A CR outside quotes ends a record; followed by LF the two are one line end.
                        state = State.Out;
                        previous = (byte)'\r';
                        if (span[i] != (byte)'\n')
                        {
                            line++;
                        }

                        continue;

                    case State.In:
                    {
                        // Inside quotes only quotes and line feeds (the reader counts them as lines) matter.
                        var k = span[i..].IndexOfAny((byte)'"', (byte)'\n');
                        if (k < 0)
                        {
                            i = n;
                            continue;
                        }

                        i += k + 1;
                        if (span[i - 1] == (byte)'\n')
                        {
                            line++;
                        }
                        else
                        {
                            state = State.QuoteInQuotes;
                        }

                        continue;
                    }

                    default:
                    {
                        var k = span[i..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
                        if (k < 0)
                        {
                            previous = span[n - 1];
                            i = n;
                            continue;
                        }

                        var c = span[i + k];
                        var before = k > 0 ? span[i + k - 1] : previous;
                        i += k + 1;
                        if (c == (byte)'\n')
                        {
                            line++;
                            previous = c;
                            if (next < targets.Length && offset + i > targets[next])
                            {
                                starts.Add((offset + i, line));
                                while (next < targets.Length && targets[next] < offset + i)
                                {
                                    next++;
                                }
                            }
                        }
                        else if (c == (byte)'\r')
                        {
                            state = State.CarriageReturn;
                        }
                        else if (before == delim || before == (byte)'\n' || before == (byte)'\r')
                        {
                            // A quote at the start of a field opens a quoted field; anywhere else it is a literal.
                            state = State.In;
                        }
                        else
                        {
                            previous = c;
                        }

                        continue;
                    }
                }
            }

            offset += n;
        }

        // After an unclosed quote the rest of the file is one row: no split point can lie beyond where it opened, and
        // none was taken (every split point above was outside quotes when found, and quotes only open later).
        return ToChunks(starts, length);
    }

    private static List<TextChunk> ToChunks(List<(long Start, long Line)> starts, long length)
    {
        var chunks = new List<TextChunk>(starts.Count + 1);
        long start = 0;
        long line = 1;
        foreach (var (next, nextLine) in starts)
        {
            if (next >= length)
            {
                break;
            }

            chunks.Add(new TextChunk(start, next, line));
            start = next;
            line = nextLine;
        }

        chunks.Add(new TextChunk(start, length, line));
        return chunks;
    }

    private enum State
    {
        Out,
        In,
        QuoteInQuotes,
        CarriageReturn,
    }
}

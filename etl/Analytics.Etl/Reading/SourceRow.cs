namespace Analytics.Etl.Reading;

/// <summary>
/// One row as a reader delivers it: its 1-based source row number, its fields as text (spans into a buffer the row
/// owns and reuses) and, on demand, its raw text for quarantine. A reader may mark the row with a problem it found
/// (too long, unclosed quote, malformed JSON) instead of fields.
/// </summary>
public sealed class SourceRow
{
    /// <summary>Raw text kept for a quarantined row is capped at this many characters.</summary>
    public const int MaxRawChars = 4000;

    private char[] chars = new char[1024];
    private int used;
    private int[] starts = new int[32];
    private int[] lengths = new int[32];
    private char[] raw = new char[1024];
    private int rawStart;
    private bool rawOwned = true;
    private int rawLength = -1;
    private string? rawCache;

    /// <summary>1-based row number in the source (CSV/JSON Lines: line where the row starts; XLSX: sheet row).</summary>
    public long RowNumber { get; internal set; }

    /// <summary>The sheet, for workbooks.</summary>
    public string? Sheet { get; internal set; }

    /// <summary>Index of <see cref="Sheet"/> among the workbook's sheets (0 for other formats).</summary>
    public int SheetIndex { get; internal set; }

    /// <summary>Number of fields.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Rule id of a problem the reader found, or null.</summary>
    public string? ProblemRule { get; private set; }

    /// <summary>Readable description of <see cref="ProblemRule"/>.</summary>
    public string? ProblemMessage { get; private set; }

    /// <summary>Total characters of the row as read (may exceed what is kept when the row was too long).</summary>
    public long Length { get; internal set; }

    /// <summary>Field <paramref name="index"/>; empty when the row has fewer fields.</summary>
    public ReadOnlySpan<char> Field(int index) =>
        (uint)index < (uint)FieldCount ? chars.AsSpan(starts[index], lengths[index]) : [];

    /// <summary>True when every field is empty or whitespace.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < FieldCount; i++)
            {
                if (!Normalising.TextFolding.IsBlank(Field(i)))
                {
                    return false;
                }
            }

            return ProblemRule is null;
        }
    }

    /// <summary>The row as read (joined with tabs when the source gave cells), capped at <see cref="MaxRawChars"/>.</summary>
    public string RawText
    {
        get
        {
            if (rawCache is not null)
            {
                return rawCache;
            }

            if (rawLength >= 0)
            {
                rawCache = Truncate(raw.AsSpan(rawStart, rawLength), Length);
            }
            else
            {
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < FieldCount; i++)
                {
                    if (i > 0)
                    {
                        text.Append('\t');
                    }

                    text.Append(Field(i));
                }

                rawCache = Truncate(text.ToString(), text.Length);
            }

            return rawCache;
        }
    }

    /// <summary>Starts a new row of <paramref name="fieldCount"/> empty fields.</summary>
    internal void Reset(long rowNumber, int fieldCount = 0)
    {
        RowNumber = rowNumber;
        used = 0;
        rawLength = -1;
        rawCache = null;
        ProblemRule = null;
        ProblemMessage = null;
        Length = 0;
        EnsureFieldSlots(fieldCount);
        FieldCount = fieldCount;
        Array.Clear(lengths, 0, fieldCount);
        Array.Clear(starts, 0, fieldCount);
    }

    /// <summary>Appends a field after the current last one.</summary>
    internal void AddField(ReadOnlySpan<char> value)
    {
        EnsureFieldSlots(FieldCount + 1);
        SetField(FieldCount++, value);
    }

    /// <summary>Sets field <paramref name="index"/> (within <see cref="FieldCount"/>).</summary>
    internal void SetField(int index, ReadOnlySpan<char> value)
    {
        EnsureChars(used + value.Length);
        value.CopyTo(chars.AsSpan(used));
        starts[index] = used;
        lengths[index] = value.Length;
        used += value.Length;
    }

    /// <summary>Gives the next field a writable area of <paramref name="capacity"/> chars; commit with <see cref="CommitField"/> or <see cref="CommitFieldAt"/>.</summary>
    internal Span<char> BeginField(int capacity)
    {
        EnsureChars(used + capacity);
        return chars.AsSpan(used, capacity);
    }

    /// <summary>Commits <paramref name="length"/> chars written after <see cref="BeginField"/> as the next field.</summary>
    internal void CommitField(int length)
    {
        EnsureFieldSlots(FieldCount + 1);
        starts[FieldCount] = used;
        lengths[FieldCount] = length;
        FieldCount++;
        used += length;
    }

    /// <summary>Commits <paramref name="length"/> chars written after <see cref="BeginField"/> as field <paramref name="index"/>.</summary>
    internal void CommitFieldAt(int index, int length)
    {
        starts[index] = used;
        lengths[index] = length;
        used += length;
    }

    /// <summary>Keeps the raw text (capped; <see cref="Length"/> says how long the row really was).</summary>
    internal void SetRaw(ReadOnlySpan<char> text)
    {
        var keep = Math.Min(text.Length, MaxRawChars);

        // Never write into a reader's buffer that SetRawReference pointed at.
        if (!rawOwned || raw.Length < keep)
        {
            raw = new char[Math.Max(keep, 1024)];
            rawOwned = true;
        }

        text[..keep].CopyTo(raw);
        rawStart = 0;
        rawLength = keep;
        Length = Math.Max(Length, text.Length);
    }

    /// <summary>
    /// Points the raw text at a reader's buffer without copying. Valid only until the reader's next read, which is
    /// when the loader is done with the row (quarantine reads <see cref="RawText"/> before asking for the next row).
    /// </summary>
    internal void SetRawReference(char[] buffer, int start, int length)
    {
        raw = buffer;
        rawOwned = false;
        rawStart = start;
        rawLength = Math.Min(length, MaxRawChars);
        Length = Math.Max(Length, length);
    }

    /// <summary>Marks the row as unreadable by the reader (quarantined with this rule).</summary>
    internal void SetProblem(string rule, string message)
    {
        ProblemRule = rule;
        ProblemMessage = message;
    }

    private static string Truncate(ReadOnlySpan<char> text, long fullLength) =>
        fullLength > text.Length || text.Length > MaxRawChars
            ? string.Concat(text[..Math.Min(text.Length, MaxRawChars)], $" … [truncated; the row has {fullLength:N0} characters]")
            : new string(text);

    private void EnsureChars(int needed)
    {
        if (chars.Length < needed)
        {
            Array.Resize(ref chars, Math.Max(needed, chars.Length * 2));
        }
    }

    private void EnsureFieldSlots(int needed)
    {
        if (starts.Length < needed)
        {
            var size = Math.Max(needed, starts.Length * 2);
            Array.Resize(ref starts, size);
            Array.Resize(ref lengths, size);
        }
    }
}

using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Analytics.Snapshots.Formatting;

namespace Analytics.Snapshots.Results;

/// <summary>
/// Writes the rows of a result in one format, a row at a time into a buffer, so that <see cref="ResultWriter"/> can
/// weigh each row before it passes it on.
/// </summary>
internal abstract class RowWriter(IReadOnlyList<ResultColumn> columns)
{
    protected IReadOnlyList<ResultColumn> Columns { get; } = columns;

    /// <summary>Bytes kept free under the byte cap for <see cref="End"/>.</summary>
    public virtual int EndReserve => 0;

    /// <summary>True when a value was shortened (display formats only).</summary>
    public bool CellsCut { get; protected set; }

    /// <summary>
    /// The bytes a text or BLOB value of <paramref name="length"/> raw bytes will take at least once written: what
    /// <see cref="ResultWriter"/> weighs before it reads the value at all.
    /// </summary>
    public virtual long Weight(long length) => length;

    public abstract void Begin(IBufferWriter<byte> output);

    public abstract void Row(DbDataReader reader, IBufferWriter<byte> output);

    public abstract void End(Truncation truncation, IBufferWriter<byte> output);

    public static RowWriter For(ResultFormat format, IReadOnlyList<ResultColumn> columns, int cellChars, bool byteOrderMark) => format switch
    {
        ResultFormat.Csv => new CsvRowWriter(columns, byteOrderMark),
        ResultFormat.Json => new JsonRowWriter(columns),
        ResultFormat.Table => new TableRowWriter(columns, cellChars),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Parquet is written by DuckDB, not row by row."),
    };

    protected static void Utf8(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}

/// <summary>CSV: a header of column names, then one line per row (<see cref="CsvText"/>, null as an empty field; text passed on as UTF-8).</summary>
internal sealed class CsvRowWriter(IReadOnlyList<ResultColumn> columns, bool byteOrderMark) : RowWriter(columns)
{
    private readonly bool[] _text = columns.Select(c => c.Type == "VARCHAR").ToArray();

    public override void Begin(IBufferWriter<byte> output)
    {
        if (byteOrderMark)
        {
            output.Write(Encoding.UTF8.Preamble);
        }

        CsvText.WriteLine(output, Columns.Select(c => c.Name));
    }

    public override void Row(DbDataReader reader, IBufferWriter<byte> output)
    {
        var duck = (Analytics.DuckDb.DuckDbDataReader)reader;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            if (reader.IsDBNull(i))
            {
                continue;
            }

            if (_text[i])
            {
                CsvText.WriteField(output, duck.GetUtf8(i));
            }
            else
            {
                CsvText.WriteField(output, ValueText.Format(reader.GetValue(i)));
            }
        }

        output.Write("\r\n"u8);
    }

    public override void End(Truncation truncation, IBufferWriter<byte> output)
    {
    }
}

/// <summary>JSON with typed values (<see cref="ResultJson"/>).</summary>
internal class JsonRowWriter(IReadOnlyList<ResultColumn> columns) : RowWriter(columns)
{
    private bool _first = true;

    public override int EndReserve => 64;

    public override void Begin(IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, ResultJson.WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("columns");
        foreach (var column in Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        Utf8(output, ",\"rows\":[");
    }

    public override void Row(DbDataReader reader, IBufferWriter<byte> output)
    {
        if (!_first)
        {
            Utf8(output, ",");
        }

        _first = false;
        using var json = new Utf8JsonWriter(output, ResultJson.WriterOptions);
        json.WriteStartArray();
        for (var i = 0; i < Columns.Count; i++)
        {
            WriteCell(json, reader, i);
        }

        json.WriteEndArray();
    }

    public override void End(Truncation truncation, IBufferWriter<byte> output) =>
        Utf8(output, "],\"truncated\":" + (truncation == Truncation.None ? "false" : "true") +
            ",\"truncation\":" + (truncation == Truncation.None ? "null" : "\"" + truncation.ToString().ToLowerInvariant() + "\"") + "}");

    protected virtual void WriteCell(Utf8JsonWriter json, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
        }
        else if (Columns[ordinal].Type == "VARCHAR")
        {
            // Passed on as UTF-8: a long text never becomes a .NET string.
            json.WriteStringValue(((Analytics.DuckDb.DuckDbDataReader)reader).GetUtf8(ordinal));
        }
        else
        {
            ResultJson.WriteValue(json, reader.GetValue(ordinal));
        }
    }
}

/// <summary>
/// The display table: JSON like <see cref="JsonRowWriter"/>'s, but every cell is text (<see cref="ValueText"/>) and a
/// cell longer than the display limit is shortened with "…".
/// </summary>
internal sealed class TableRowWriter(IReadOnlyList<ResultColumn> columns, int cellChars) : JsonRowWriter(columns)
{
    /// <summary>Most UTF-8 bytes of a text value read for display (a character takes at most 4).</summary>
    private long PrefixBytes => (long)cellChars * 4;

    public override long Weight(long length) => Math.Min(length, PrefixBytes);

    protected override void WriteCell(Utf8JsonWriter json, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
            return;
        }

        // A long text is read only as far as it is shown: a 1 GB value costs its first few kilobytes.
        string text;
        var cut = false;
        if (Columns[ordinal].Type == "VARCHAR" && ((Analytics.DuckDb.DuckDbDataReader)reader).GetUtf8(ordinal) is var utf8 && utf8.Length > PrefixBytes)
        {
            text = Encoding.UTF8.GetString(utf8[..(int)PrefixBytes]).TrimEnd('\uFFFD');
            cut = true;
        }
        else
        {
            text = ValueText.Format(reader.GetValue(ordinal));
        }

        if (text.Length >= cellChars && (cut || text.Length > cellChars))
        {
            text = text[..Math.Max(0, cellChars - 1)];
            cut = true;
        }

        if (cut)
        {
            text += "…";
            CellsCut = true;
        }

        json.WriteStringValue(text);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace Analytics.Snapshots.Results;

/// <summary>
/// CSV as every CSV this product writes it (RFC 4180, CRLF line ends, UTF-8): the SQL worker's results and the
/// dashboard's downloads. A field is quoted when it holds a comma, quote or line break, or starts or ends with white
/// space; a text that a spreadsheet would run as a formula gets a leading <c>'</c>. Fields are written from UTF-8
/// bytes, so a long text value is passed on without becoming a .NET string.
/// </summary>
/// <remarks>
/// The formula guard (OWASP's "CSV injection"): Excel, LibreOffice and Google Sheets evaluate a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>, and some strip a leading tab or carriage return first, so
/// <c>=HYPERLINK("http://…")</c> from an enterprise's name would become a live link. Such a field is written as
/// <c>'=HYPERLINK(…)</c>, which every one of them shows as the text it is. A number such as <c>-12.5</c> is left alone:
/// it is what a spreadsheet should read, and it cannot be a formula.
/// </remarks>
public static class CsvText
{
    /// <summary>The line end of every CSV line.</summary>
    public const string LineEnd = "\r\n";

    /// <summary><paramref name="text"/> as one CSV field (null and empty give an empty field).</summary>
    public static string Field(string? text)
    {
        var output = new ArrayBufferWriter<byte>();
        WriteField(output, text);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes <paramref name="text"/> as one CSV field.</summary>
    public static void WriteField(IBufferWriter<byte> output, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            WriteField(output, Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Writes the UTF-8 text <paramref name="utf8"/> as one CSV field.</summary>
    public static void WriteField(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (utf8.IsEmpty)
        {
            return;
        }

        var formula = RunsAsFormula(utf8);
        var quote = utf8.IndexOfAny(",\"\r\n"u8) >= 0 || (!formula && EdgeIsWhiteSpace(utf8, first: true)) || EdgeIsWhiteSpace(utf8, first: false);
        if (quote)
        {
            Write(output, "\""u8);
        }

        if (formula)
        {
            Write(output, "'"u8);
        }

        if (!quote)
        {
            Write(output, utf8);
            return;
        }

        for (var rest = utf8; !rest.IsEmpty;)
        {
            var at = rest.IndexOf((byte)'"');
            Write(output, at < 0 ? rest : rest[..(at + 1)]);
            if (at < 0)
            {
                break;
            }

            Write(output, "\""u8);
            rest = rest[(at + 1)..];
        }

        Write(output, "\""u8);
    }

    /// <summary>Writes one line of <paramref name="fields"/> and the line end.</summary>
    public static void WriteLine(IBufferWriter<byte> output, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                Write(output, ","u8);
            }

            WriteField(output, field);
            first = false;
        }

        Write(output, "\r\n"u8);
    }

    /// <summary>One line of <paramref name="fields"/> with its line end.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        var output = new ArrayBufferWriter<byte>();
        WriteLine(output, fields);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Whether a spreadsheet would evaluate the UTF-8 text <paramref name="utf8"/> as a formula.</summary>
    public static bool RunsAsFormula(ReadOnlySpan<byte> utf8) =>
        !utf8.IsEmpty
        && (utf8[0] is (byte)'=' or (byte)'+' or (byte)'@' or (byte)'\t' or (byte)'\r'
            || (utf8[0] == (byte)'-' && !(utf8.Length <= 64 && double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out _))));

    private static bool EdgeIsWhiteSpace(ReadOnlySpan<byte> utf8, bool first) =>
        (first ? Rune.DecodeFromUtf8(utf8, out var rune, out _) : Rune.DecodeLastFromUtf8(utf8, out rune, out _)) == OperationStatus.Done
        && Rune.IsWhiteSpace(rune);

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}

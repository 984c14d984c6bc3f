namespace Analytics.Etl.Normalising;

/// <summary>
/// Reads the date forms real extracts carry: 2013-04-23, 2013/4/23, 2013.4.23, 2013年4月23日, 20130423, an Excel
/// serial (41387, also 41387.0 written as text) and any of these followed by a time (2013-04-23 00:00:00, 2013-04-23T08:00).
/// Day-first forms (23/04/2013) are refused: they are ambiguous.
/// </summary>
public static class DateText
{
    /// <summary>Earliest year accepted; anything earlier is a typing error in these feeds.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year accepted.</summary>
    public const int MaxYear = 2099;

    /// <summary>Parses <paramref name="text"/> (folded, trimmed) into a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.IsEmpty)
        {
            return false;
        }

        // The common case first: 2013-04-23.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text[..4]) && AllDigits(text.Slice(5, 2)) && AllDigits(text[8..]))
        {
            return TryMake(Number(text[..4]), Number(text.Slice(5, 2)), Number(text[8..]), out date);
        }

        // A time after the date (from a datetime cell or an export): keep the date part.
        var cut = text.IndexOfAny(' ', 'T');
        if (cut >= 8)
        {
            text = text[..cut];
        }

        if (AllDigits(text))
        {
            if (text.Length == 8)
            {
                return TryMake(Number(text[..4]), Number(text.Slice(4, 2)), Number(text.Slice(6, 2)), out date);
            }

            return text.Length <= 5 && ExcelSerialDate.TryToDate(Number(text), out date);
        }

        // An Excel serial with a fraction (a datetime serial, or 41387.0 from a numeric cell): the day is the whole part.
        var dot = text.IndexOf('.');
        if (dot is > 0 and <= 5 && AllDigits(text[..dot]) && AllDigits(text[(dot + 1)..]))
        {
            return ExcelSerialDate.TryToDate(Number(text[..dot]), out date);
        }

        return TrySeparated(text, out date);
    }

    private static bool TrySeparated(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var part = 0;
        var i = 0;
        while (part < 3)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9' && i - start < 4)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            if (i == start)
            {
                return false;
            }

            parts[part] = value;
            lengths[part] = i - start;
            part++;
            if (i == text.Length)
            {
                break;
            }

            var separator = text[i];
            var expected = part switch { 1 => '年', 2 => '月', _ => '日' };
            if ((part < 3 && separator is '-' or '/' or '.') || separator == expected)
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        // Only 日 may trail the day (2013年4月23日); anything else left over is not a date.
        if (i < text.Length || part != 3 || lengths[0] != 4 || lengths[1] > 2 || lengths[2] > 2)
        {
            return false;
        }

        return TryMake(parts[0], parts[1], parts[2], out date);
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}

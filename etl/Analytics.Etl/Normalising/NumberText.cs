using System.Globalization;

namespace Analytics.Etl.Normalising;

/// <summary>
/// Numbers as suppliers write them: thousands separators (1,234.5), a leading ¥, exponent notation from spreadsheet
/// cells (1.5E+07), whole numbers written with a zero fraction (12.0). Input is value-folded text.
/// </summary>
public static class NumberText
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses a decimal; separators (<c>,</c>, spaces, <c>_</c>) and a leading ¥/￥ are ignored.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (TryParsePlain(text, out value))
        {
            return true;
        }

        if (decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Span<char> clean = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c is ',' or ' ' or '_' or '¥' or '￥')
            {
                continue;
            }

            clean[n++] = c;
        }

        return n > 0 && decimal.TryParse(clean[..n], DecimalStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The common form (<c>-1234.56</c>: a sign, up to 18 digits, a point) without the general parser, which costs more
    /// than the rest of a registry row. Anything else falls through to <see cref="decimal.TryParse(string, out decimal)"/>.
    /// </summary>
    private static bool TryParsePlain(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(c - '0');
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>Parses a whole number; 12.0 is accepted, 12.5 is not.</summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryParseDecimal(text, out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Parses a finite double.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        if (TryParseDecimal(text, out var d))
        {
            value = (double)d;
            return true;
        }

        return false;
    }

    /// <summary>Rounds an amount in 万元 to the lake's two decimals (half away from zero, as accountants round).</summary>
    public static decimal RoundAmount(decimal value) =>
        value.Scale <= 2 ? value : decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}

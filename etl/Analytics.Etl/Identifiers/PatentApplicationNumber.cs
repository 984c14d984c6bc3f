namespace Analytics.Etl.Identifiers;

/// <summary>
/// CNIPA patent application number (专利申请号). Since October 2003: 4-digit year, a type digit, a 7-digit serial,
/// then a check character (<c>YYYYTNNNNNNN.C</c>); before that 8 digits and a check character. The check is
/// Σ digit·weight mod 11 with weights 2 3 4 5 6 7 8 9 2 3 4 5 (10 → 'X').
/// </summary>
public static class PatentApplicationNumber
{
    /// <summary>The check character for the digits before the dot (8 or 12 digits), or <c>'\0'</c> when they are not all digits.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> digits)
    {
        if (digits.Length is not (8 or 12))
        {
            return '\0';
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (c is < '0' or > '9')
            {
                return '\0';
            }

            sum += (c - '0') * (2 + (i % 8));
        }

        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>
    /// Normalises a written number (<c>CN201310123456.7</c>, <c>201310123456.7</c>, <c>2013101234567</c>, lower-case x)
    /// to the canonical <c>201310123456.7</c>; returns null when the form is not recognised. The check character is not verified here.
    /// </summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length >= 2 && (text[0] is 'C' or 'c') && (text[1] is 'N' or 'n'))
        {
            text = text[2..].TrimStart();
        }

        Span<char> buffer = stackalloc char[16];
        var n = 0;
        foreach (var c in text)
        {
            if (c == '.' || c == ' ')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return null;
            }

            buffer[n++] = c is 'x' ? 'X' : c;
        }

        if (n is not (9 or 13))
        {
            return null;
        }

        return string.Concat(buffer[..(n - 1)], ".", buffer.Slice(n - 1, 1));
    }

    /// <summary>True when the canonical form <c>digits.C</c> carries the right check character.</summary>
    public static bool IsValid(ReadOnlySpan<char> canonical)
    {
        var dot = canonical.IndexOf('.');
        if (dot < 0 || dot != canonical.Length - 2)
        {
            return false;
        }

        var expected = ComputeCheckCharacter(canonical[..dot]);
        return expected != '\0' && canonical[^1] == expected;
    }

    /// <summary>
    /// The patent type digit (1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model) of a canonical
    /// number, or null when it cannot be read.
    /// </summary>
    public static int? TypeDigit(ReadOnlySpan<char> canonical)
    {
        var dot = canonical.IndexOf('.');
        return dot switch
        {
            12 => canonical[4] - '0',
            8 => canonical[2] - '0',
            _ => null,
        };
    }
}

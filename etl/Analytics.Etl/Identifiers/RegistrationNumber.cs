namespace Analytics.Etl.Identifiers;

/// <summary>
/// The older 15-digit 工商注册号 (GS 15001-2006) of firms that never re-registered under a credit code: 6-digit
/// authority code, 8-digit serial, and a check digit by ISO 7064 MOD 11,10.
/// </summary>
public static class RegistrationNumber
{
    /// <summary>Length of a registration number.</summary>
    public const int Length = 15;

    /// <summary>True when <paramref name="number"/> is 15 digits whose last is the ISO 7064 MOD 11,10 check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        if (number.Length != Length)
        {
            return false;
        }

        var p = 10;
        for (var i = 0; i < Length; i++)
        {
            var c = number[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var s = (p + (c - '0')) % 10;
            if (i == Length - 1)
            {
                return s == 1;
            }

            p = (s == 0 ? 10 : s) * 2 % 11;
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> has the shape of a registration number (15 digits), valid or not.</summary>
    public static bool HasShape(ReadOnlySpan<char> text)
    {
        if (text.Length != Length)
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
}

using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Population;

/// <summary>
/// Builds identifiers that pass their checks: 组织机构代码 (GB 11714, positions 9-17 of a credit code) and the
/// 统一社会信用代码 around it (GB 32100).
/// </summary>
internal static class OrganizationCode
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];
    private const string CreditAlphabet = CreditCode.Alphabet;
    private const long NumericSpace = 100_000_000L;
    private const long AlphaSpace = 887_503_681L; // 31^6

    /// <summary>
    /// The 9-character organization code of the <paramref name="serial"/>-th unit: 8 digits for units registered
    /// before the 2015 reform, "MA" + 6 alphabet characters after it (as newly issued codes look). The serial is
    /// scrambled by a bijection so neighbouring firms do not get neighbouring codes, and codes never repeat.
    /// </summary>
    public static string For(long serial, ulong regionSalt, bool reformEra)
    {
        Span<char> body = stackalloc char[9];
        if (reformEra)
        {
            var value = (long)((((ulong)serial * 48271UL) + regionSalt) % (ulong)AlphaSpace);
            body[0] = 'M';
            body[1] = 'A';
            for (var i = 7; i >= 2; i--)
            {
                body[i] = CreditAlphabet[(int)(value % 31)];
                value /= 31;
            }
        }
        else
        {
            var value = (long)((((ulong)serial * 2654435761UL) + regionSalt) % (ulong)NumericSpace);
            for (var i = 7; i >= 0; i--)
            {
                body[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }

        body[8] = CheckCharacter(body[..8]);
        return new string(body);
    }

    /// <summary>GB 11714: C = 11 − (Σ value·weight mod 11); 10 → X, 11 → 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    /// <summary>A full credit code: registration authority and category, the division code, the organization code, the check.</summary>
    public static string CreditCodeFor(char authority, char category, string divisionCode, string organizationCode)
    {
        Span<char> code = stackalloc char[18];
        code[0] = authority;
        code[1] = category;
        divisionCode.AsSpan().CopyTo(code[2..]);
        organizationCode.AsSpan().CopyTo(code[8..]);
        code[17] = CreditCode.ComputeCheckCharacter(code[..17]);
        return new string(code);
    }
}

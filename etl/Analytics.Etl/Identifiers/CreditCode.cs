namespace Analytics.Etl.Identifiers;

/// <summary>
/// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters, the last a check character
/// over an alphabet of 31 symbols (no I, O, S, V, Z).
/// </summary>
public static class CreditCode
{
    /// <summary>The 31 symbols in value order.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Length of a credit code.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Value of one character in the alphabet, or -1 when it is not one of the 31 symbols.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 10,
        >= 'J' and <= 'N' => c - 'J' + 18,
        'P' => 23,
        'Q' => 24,
        'R' => 25,
        'T' => 26,
        'U' => 27,
        'W' => 28,
        'X' => 29,
        'Y' => 30,
        _ => -1,
    };

    /// <summary>
    /// The check character for the first 17 characters, or <c>'\0'</c> when one of them is not in the alphabet
    /// (a position-9-to-17 organization code may hold letters, which are in the alphabet except I, O, S, V, Z).
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("A credit code's body has 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = ValueOf(first17[i]);
            if (v < 0)
            {
                return '\0';
            }

            sum += v * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>True when <paramref name="code"/> is 18 alphabet characters whose last is the right check character.</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != Length)
        {
            return false;
        }

        var expected = ComputeCheckCharacter(code[..17]);
        return expected != '\0' && code[17] == expected;
    }
}

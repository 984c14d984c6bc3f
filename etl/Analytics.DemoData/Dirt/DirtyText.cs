using System.Globalization;
using Analytics.DemoData.Randomness;
using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Dirt;

/// <summary>The ways a value gets mangled on its way through a government export.</summary>
internal static class DirtyText
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Replaces the check character with another alphabet character (or another digit for patents).</summary>
    public static string WrongCheck(string code, ref Rng rng)
    {
        var last = code[^1];
        var alphabet = code.Contains('.', StringComparison.Ordinal) ? "0123456789X" : CreditCode.Alphabet;
        var index = alphabet.IndexOf(last, StringComparison.Ordinal);
        var replacement = alphabet[(Math.Max(index, 0) + 1 + rng.Next(alphabet.Length - 1)) % alphabet.Length];
        return string.Concat(code.AsSpan(0, code.Length - 1), replacement.ToString());
    }

    /// <summary>Types the letter O for one of the zeros (a credit code's division part always has one).</summary>
    public static string LetterO(string code, ref Rng rng)
    {
        var zeros = new List<int>();
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '0')
            {
                zeros.Add(i);
            }
        }

        if (zeros.Count == 0)
        {
            return code;
        }

        var chars = code.ToCharArray();
        chars[rng.Pick(zeros)] = 'O';
        return new string(chars);
    }

    /// <summary>Turns ASCII digits into full-width ones (０-９).</summary>
    public static string FullWidth(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c;
            }
        });

    public static string TrailingSpaces(string text, ref Rng rng) => text + (rng.Chance(0.7) ? " " : "   ");

    /// <summary>yyyy-MM-dd, built digit by digit: it is written for nearly every row of every feed.</summary>
    public static string Iso(DateOnly date) => string.Create(10, date, static (span, d) => WriteIso(d, span));

    /// <summary>Writes yyyy-MM-dd into the first 10 characters of <paramref name="destination"/>.</summary>
    public static void WriteIso(DateOnly date, Span<char> destination)
    {
        var (year, month, day) = date;
        destination[0] = (char)('0' + (year / 1000));
        destination[1] = (char)('0' + (year / 100 % 10));
        destination[2] = (char)('0' + (year / 10 % 10));
        destination[3] = (char)('0' + (year % 10));
        destination[4] = '-';
        destination[5] = (char)('0' + (month / 10));
        destination[6] = (char)('0' + (month % 10));
        destination[7] = '-';
        destination[8] = (char)('0' + (day / 10));
        destination[9] = (char)('0' + (day % 10));
    }

    public static int ExcelSerial(DateOnly date) => date.DayNumber - ExcelEpoch.DayNumber;

    /// <summary>The date as the given date-dirt kind writes it (any other kind: ISO).</summary>
    public static string Date(DateOnly date, DirtKind? style) => style switch
    {
        DirtKind.DateSlash => string.Create(CultureInfo.InvariantCulture, $"{date.Year}/{date.Month}/{date.Day}"),
        DirtKind.DateChinese => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日"),
        DirtKind.DateCompact => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        DirtKind.DateExcelSerial => ExcelSerial(date).ToString(CultureInfo.InvariantCulture),
        _ => Iso(date),
    };

    public static bool IsDateKind(DirtKind? kind) =>
        kind is DirtKind.DateSlash or DirtKind.DateChinese or DirtKind.DateCompact or DirtKind.DateExcelSerial;
}

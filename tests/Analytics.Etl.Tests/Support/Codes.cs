using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Tests.Support;

/// <summary>Valid identifiers computed from their published rules, so tests never copy check digits by hand.</summary>
public static class Codes
{
    /// <summary>A valid credit code whose body ends with the given serial (9135010000000 + serial, padded).</summary>
    public static string Credit(int serial)
    {
        var body = "91500000" + serial.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>A valid credit code that contains at least one zero (for O-for-zero tests).</summary>
    public static string CreditWithZero => Credit(1020);

    /// <summary>The same code with a wrong check character.</summary>
    public static string WrongCheck(string code)
    {
        var alphabet = CreditCode.Alphabet;
        var wrong = alphabet[(alphabet.IndexOf(code[^1], StringComparison.Ordinal) + 1) % alphabet.Length];
        return code[..^1] + wrong;
    }

    /// <summary>A valid patent application number of <paramref name="year"/>, type and serial, canonical form.</summary>
    public static string Patent(int year, int type, int serial)
    {
        var digits = $"{year:D4}{type}{serial:D7}";
        return digits + "." + PatentApplicationNumber.ComputeCheckCharacter(digits);
    }

    /// <summary>Full-width form of ASCII text (１２Ａ).</summary>
    public static string FullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
}

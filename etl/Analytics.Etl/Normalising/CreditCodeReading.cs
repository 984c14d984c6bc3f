using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Normalising;

/// <summary>
/// Cleans a written credit code and says what it is. Folding (full width, spaces, lower case) is always safe. The
/// letter O typed for zero is fixed only when the fixed code passes the GB 32100 check character: O is never a
/// valid symbol, and a wrong substitution passes the check with probability 1/31, so the check guards the fix.
/// </summary>
public static class CreditCodeReading
{
    /// <summary>What the written text turned out to be.</summary>
    public enum Outcome
    {
        /// <summary>A valid 18-character code.</summary>
        Valid,

        /// <summary>Valid after replacing the letter O by the digit 0 (record a note).</summary>
        ValidAfterOForZero,

        /// <summary>Blank.</summary>
        Missing,

        /// <summary>18 alphabet symbols with the wrong check character.</summary>
        WrongCheckCharacter,

        /// <summary>15 digits: an old 工商注册号, not a credit code.</summary>
        LegacyRegistrationNumber,

        /// <summary>Wrong length or symbols outside the alphabet (I, O, S, V, Z, punctuation).</summary>
        Malformed,
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="code"/> (at least 32 chars long) and classifies it.
    /// <paramref name="length"/> is the folded length (may exceed the buffer's: then the outcome is Malformed).
    /// </summary>
    public static Outcome Read(ReadOnlySpan<char> text, Span<char> code, out int length)
    {
        // The common case first: already 18 clean symbols with the right check character.
        if (CreditCodeCheck.IsValid(text))
        {
            text.CopyTo(code);
            length = CreditCode.Length;
            return Outcome.Valid;
        }

        Span<char> folded = stackalloc char[32];
        length = 0;
        foreach (var raw in text)
        {
            var c = Width.Fold(raw);
            if (Width.IsSpace(c) || c == '-')
            {
                continue;
            }

            if (length < folded.Length)
            {
                folded[length] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }

            length++;
        }

        if (length == 0)
        {
            return Outcome.Missing;
        }

        if (length > folded.Length)
        {
            return Outcome.Malformed;
        }

        folded[..length].CopyTo(code);
        if (length == RegistrationNumber.Length && RegistrationNumber.HasShape(folded[..length]))
        {
            return Outcome.LegacyRegistrationNumber;
        }

        if (length != CreditCode.Length)
        {
            return Outcome.Malformed;
        }

        var body = code[..CreditCode.Length];
        if (CreditCodeCheck.IsValid(body))
        {
            return Outcome.Valid;
        }

        if (body.Contains('O'))
        {
            body.Replace('O', '0');
            if (CreditCodeCheck.IsValid(body))
            {
                return Outcome.ValidAfterOForZero;
            }

            folded[..length].CopyTo(code);
        }

        foreach (var c in body)
        {
            if (CreditCode.ValueOf(c) < 0)
            {
                return Outcome.Malformed;
            }
        }

        return Outcome.WrongCheckCharacter;
    }
}

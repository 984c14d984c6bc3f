namespace Analytics.Etl.Normalising;

/// <summary>Full-width to half-width folding (全角→半角): Ｏ１２ＡＢ，．／ and the ideographic space.</summary>
public static class Width
{
    /// <summary>
    /// Folds one character: U+FF01–U+FF5E to ASCII, U+3000 (ideographic space), NBSP and tabs to a space; anything else
    /// is returned unchanged.
    /// </summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\t' or '\u2002' or '\u2003' or '\u2009' => ' ',
        _ => c,
    };

    /// <summary>
    /// Folds only full-width letters, digits and spaces. Names keep their full-width punctuation: （集团） is how a
    /// registered enterprise name is written, and other sources match on that form.
    /// </summary>
    public static char FoldAlphanumeric(char c) => c switch
    {
        >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\t' or '\u2002' or '\u2003' or '\u2009' => ' ',
        _ => c,
    };

    /// <summary>True when <paramref name="c"/> is any whitespace once folded (includes the ideographic space).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\u3000' or '\u00A0' or '\t' or '\r' or '\n' or '\u2002' or '\u2003' or '\u2009' or '\uFEFF';
}

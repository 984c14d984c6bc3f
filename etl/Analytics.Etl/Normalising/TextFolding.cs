namespace Analytics.Etl.Normalising;

/// <summary>
/// Writes a cleaned copy of a field into a caller's buffer without allocating. Three shapes: free text (names, titles),
/// values (numbers, dates: every full-width form folded, spaces trimmed) and codes (folded, all spaces removed, upper case).
/// </summary>
public static class TextFolding
{
    // Text without any character that needs work (most fields) is copied as is. A scalar test is cheaper here than
    // a vectorised search: fields are short and the set mixes ASCII with the full-width block.
    private static bool NeedsWork(ReadOnlySpan<char> text, bool lowerCaseToo)
    {
        foreach (var c in text)
        {
            if (c <= ' ' || (lowerCaseToo && c is >= 'a' and <= 'z'))
            {
                return true;
            }

            if (c >= '\u00A0' && (c is '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\uFEFF' || c is >= '\uFF01' and <= '\uFF5E'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Free text: full-width letters/digits/spaces folded, leading and trailing spaces removed, inner runs of spaces
    /// collapsed to one. Returns the length written to <paramref name="destination"/> (at least <c>source.Length</c> long).
    /// </summary>
    public static int FoldText(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (!NeedsWork(source, lowerCaseToo: false))
        {
            source.CopyTo(destination);
            return source.Length;
        }

        var n = 0;
        var pendingSpace = false;
        foreach (var raw in source)
        {
            var c = Width.FoldAlphanumeric(raw);
            if (c == ' ' || Width.IsSpace(c))
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[n++] = ' ';
                pendingSpace = false;
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>A value (number, date, flag): every full-width form folded, spaces trimmed (inner spaces kept).</summary>
    public static int FoldValue(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (!NeedsWork(source, lowerCaseToo: false))
        {
            source.CopyTo(destination);
            return source.Length;
        }

        var start = 0;
        var end = source.Length;
        while (start < end && Width.IsSpace(source[start]))
        {
            start++;
        }

        while (end > start && Width.IsSpace(source[end - 1]))
        {
            end--;
        }

        var n = 0;
        for (var i = start; i < end; i++)
        {
            destination[n++] = Width.Fold(source[i]);
        }

        return n;
    }

    /// <summary>A code (credit code, application number, district or industry code): folded, no spaces at all, upper case.</summary>
    public static int FoldCode(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (!NeedsWork(source, lowerCaseToo: true))
        {
            source.CopyTo(destination);
            return source.Length;
        }

        var n = 0;
        foreach (var raw in source)
        {
            var c = Width.Fold(raw);
            if (Width.IsSpace(c))
            {
                continue;
            }

            destination[n++] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }

        return n;
    }

    /// <summary>
    /// A key for looking up an enumerated value (认定类型, 登记状态, a header): code-folded, and quotes, brackets' quote
    /// marks, underscores, hyphens and middle dots removed, so <c>专精特新"小巨人"</c> and <c>专精特新“小巨人”</c> meet.
    /// </summary>
    public static int FoldLookupKey(ReadOnlySpan<char> source, Span<char> destination)
    {
        var n = 0;
        foreach (var raw in source)
        {
            var c = Width.Fold(raw);
            if (Width.IsSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '_' or '-' or '·' or '*')
            {
                continue;
            }

            destination[n++] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }

        return n;
    }

    /// <summary>True when <paramref name="source"/> is empty or only whitespace (including full-width space).</summary>
    public static bool IsBlank(ReadOnlySpan<char> source)
    {
        if (source.IsEmpty)
        {
            return true;
        }

        if (source[0] > ' ' && source[0] is not ('\u3000' or '\u00A0' or '\uFEFF'))
        {
            return false;
        }

        foreach (var c in source)
        {
            if (!Width.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Convenience for non-hot paths: the lookup key of <paramref name="source"/> as a string.</summary>
    public static string LookupKey(ReadOnlySpan<char> source)
    {
        Span<char> buffer = source.Length <= 256 ? stackalloc char[source.Length] : new char[source.Length];
        return new string(buffer[..FoldLookupKey(source, buffer)]);
    }
}

using System.Text;

namespace Analytics.DuckDb.Execution;

/// <summary>
/// Rewrites <c>@name</c> to DuckDB's <c>$name</c> for the names of the command's own parameters, outside string
/// literals, quoted identifiers and comments. Data code written for other providers (and Dapper, which looks for
/// <c>@name</c> in the text) then works unchanged; <c>@</c> stays DuckDB's operator everywhere else.
/// </summary>
internal static class ParameterPrefixRewriter
{
    public static string Rewrite(string sql, IReadOnlyCollection<string> parameterNames)
    {
        if (parameterNames.Count == 0 || !sql.Contains('@', StringComparison.Ordinal))
        {
            return sql;
        }

        var names = new HashSet<string>(parameterNames, StringComparer.OrdinalIgnoreCase);
        var builder = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var skipTo = c switch
            {
                '\'' or '"' => EndOfQuoted(sql, i, c),
                '-' when At(sql, i + 1, '-') => EndOfLine(sql, i),
                '/' when At(sql, i + 1, '*') => EndOfBlockComment(sql, i),
                '$' when i == 0 || !IsIdentifierChar(sql[i - 1]) => EndOfDollarQuoted(sql, i),
                _ => -1,
            };
            if (skipTo > i)
            {
                builder.Append(sql, i, skipTo - i);
                i = skipTo;
                continue;
            }

            if (c == '@' && (i == 0 || !IsIdentifierChar(sql[i - 1])) && i + 1 < sql.Length && IsIdentifierStart(sql[i + 1]))
            {
                var end = i + 1;
                while (end < sql.Length && IsIdentifierChar(sql[end]))
                {
                    end++;
                }

                if (names.Contains(sql[(i + 1)..end]))
                {
                    builder.Append('$').Append(sql, i + 1, end - i - 1);
                    i = end;
                    continue;
                }
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int EndOfQuoted(string s, int start, char quote)
    {
        var i = start + 1;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                if (At(s, i + 1, quote))
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return s.Length;
    }

    private static int EndOfLine(string s, int start)
    {
        var end = s.IndexOf('\n', start);
        return end < 0 ? s.Length : end + 1;
    }

    private static int EndOfBlockComment(string s, int start)
    {
        var end = s.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + 2;
    }

    /// <summary>
    /// The end of a dollar-quoted string, <c>$$…$$</c> or <c>$tag$…$tag$</c>; -1 when the <c>$</c> starts no such string
    /// (<c>$name</c> and <c>$1</c> are parameters).
    /// </summary>
    private static int EndOfDollarQuoted(string s, int start)
    {
        var tagEnd = start + 1;
        if (tagEnd < s.Length && IsIdentifierStart(s[tagEnd]))
        {
            while (tagEnd < s.Length && IsIdentifierChar(s[tagEnd]))
            {
                tagEnd++;
            }
        }

        if (!At(s, tagEnd, '$'))
        {
            return -1;
        }

        var delimiter = s[start..(tagEnd + 1)];
        var end = s.IndexOf(delimiter, tagEnd + 1, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + delimiter.Length;
    }
}

namespace Analytics.Snapshots.Sql;

/// <summary>One statement of SQL text: its text (without the closing semicolon) and its first keyword, upper-case.</summary>
/// <param name="Text">The statement's text, comments included, without the semicolon that ends it.</param>
/// <param name="FirstKeyword">The first word outside comments and opening parentheses (e.g. <c>SELECT</c>), or null.</param>
/// <param name="FirstKeywordEnd">Index in <paramref name="Text"/> just after the first keyword (0 when there is none).</param>
public sealed record SqlStatementText(string Text, string? FirstKeyword, int FirstKeywordEnd);

/// <summary>
/// A small SQL scanner that knows what DuckDB treats as not-code — <c>'strings'</c> (and <c>E'…'</c> with backslash
/// escapes), <c>"identifiers"</c>, <c>$tag$dollar quotes$tag$</c>, <c>-- line</c> and nested <c>/* block */</c> comments —
/// so that it can split text at the semicolons that end statements and find each statement's first keyword. DuckDB's
/// own parser remains the judge (see <see cref="SqlStatementCheck"/>); this gives clear messages and lets a REPL know when a
/// statement is complete.
/// </summary>
public static class SqlText
{
    /// <summary>The statements in <paramref name="sql"/> that hold anything besides comments and whitespace.</summary>
    public static IReadOnlyList<SqlStatementText> Split(string sql) => Scan(sql).Statements;

    /// <summary>
    /// Whether <paramref name="sql"/> ends a statement: its last token is a semicolon outside any string, quoted
    /// identifier or comment (what a REPL waits for before running multi-line input).
    /// </summary>
    public static bool EndsStatement(string sql)
    {
        var scan = Scan(sql);
        return scan.EndsWithSemicolon && !scan.Unterminated;
    }

    private static (List<SqlStatementText> Statements, bool EndsWithSemicolon, bool Unterminated) Scan(string sql)
    {
        var statements = new List<SqlStatementText>();
        var start = 0;
        string? first = null;
        var firstEnd = 0;
        var hasToken = false;
        var endsWithSemicolon = false;
        var unterminated = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && next == '-')
            {
                var newline = sql.IndexOf('\n', i);
                i = newline < 0 ? sql.Length : newline + 1;
                continue;
            }

            if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i, ref unterminated);
                continue;
            }

            endsWithSemicolon = c == ';';
            if (c == ';')
            {
                if (hasToken)
                {
                    statements.Add(new SqlStatementText(sql[start..i], first, firstEnd - start));
                }

                start = i + 1;
                first = null;
                firstEnd = 0;
                hasToken = false;
                i++;
                continue;
            }

            hasToken = true;
            if (c == '\'')
            {
                var backslashes = i > 0 && sql[i - 1] is 'e' or 'E' && (i < 2 || !IsIdentifierChar(sql[i - 2]));
                i = SkipQuoted(sql, i, '\'', backslashes, ref unterminated);
            }
            else if (c == '"')
            {
                i = SkipQuoted(sql, i, '"', false, ref unterminated);
            }
            else if (c == '$' && (i == 0 || !IsIdentifierChar(sql[i - 1])) && DollarTag(sql, i) is { } tag)
            {
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                unterminated |= close < 0;
                i = close < 0 ? sql.Length : close + tag.Length;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < sql.Length && IsIdentifierChar(sql[end]))
                {
                    end++;
                }

                if (first is null && !IsAfterNonParenthesisToken(sql, start, i))
                {
                    first = sql[i..end].ToUpperInvariant();
                    firstEnd = end;
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        if (hasToken)
        {
            statements.Add(new SqlStatementText(sql[start..], first, first is null ? 0 : firstEnd - start));
        }

        return (statements, endsWithSemicolon, unterminated);
    }

    /// <summary>Whether a token other than '(' comes before <paramref name="at"/> in the statement (then the word is not its first keyword).</summary>
    private static bool IsAfterNonParenthesisToken(string sql, int start, int at)
    {
        var i = start;
        while (i < at)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c) || c == '(')
            {
                i++;
            }
            else if (c == '-' && i + 1 < at && sql[i + 1] == '-')
            {
                var newline = sql.IndexOf('\n', i);
                i = newline < 0 ? at : newline + 1;
            }
            else if (c == '/' && i + 1 < at && sql[i + 1] == '*')
            {
                var ignored = false;
                i = SkipBlockComment(sql, i, ref ignored);
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipBlockComment(string sql, int i, ref bool unterminated)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        unterminated = true;
        return i;
    }

    private static int SkipQuoted(string sql, int i, char quote, bool backslashes, ref bool unterminated)
    {
        i++;
        while (i < sql.Length)
        {
            if (backslashes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        unterminated = true;
        return sql.Length;
    }

    /// <summary>The opening delimiter <c>$$</c> or <c>$tag$</c> at <paramref name="i"/>, or null for a parameter such as <c>$1</c> or <c>$name</c>.</summary>
    private static string? DollarTag(string sql, int i)
    {
        var end = i + 1;
        if (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_'))
        {
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }
        }

        return end < sql.Length && sql[end] == '$' ? sql[i..(end + 1)] : null;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}

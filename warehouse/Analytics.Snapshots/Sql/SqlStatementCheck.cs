using System.Globalization;
using System.Text.Json;
using Analytics.DuckDb;

namespace Analytics.Snapshots.Sql;

/// <summary>
/// The one statement check of every entrance (the dashboard's console and <c>analytics sql</c>, both through the SQL
/// worker): the text is plain and of sensible length (<see cref="SqlTextCheck"/>); it holds one statement; DuckDB's own
/// parser reads it as exactly one SELECT (<c>json_serialize_sql</c> serialises SELECT statements and nothing else — a
/// DESCRIBE, SHOW, SUMMARIZE, FROM-first query, VALUES or PIVOT with its IN list are SELECTs to it); its functions and
/// views pass <see cref="SqlFunctionPolicy"/>. <c>EXPLAIN [ANALYZE]</c> and <c>EXPLAIN (ANALYZE, FORMAT …)</c> are
/// allowed of such a query only, and run as text this check writes itself, never the options as typed.
/// </summary>
/// <remarks>Parsing runs no query: nothing is bound, so no function acts, until the check has passed.</remarks>
public static class SqlStatementCheck
{
    private static readonly HashSet<string> ExplainFormats = new(StringComparer.OrdinalIgnoreCase) { "text", "json", "html", "graphviz", "yaml" };

    /// <summary>The statement to run for <paramref name="sql"/>, once it has passed every check.</summary>
    /// <param name="parser">Any DuckDB connection (its parser is used; nothing runs on it but <c>json_serialize_sql</c>).</param>
    /// <param name="sql">The analyst's text.</param>
    /// <exception cref="SqlRefusedException">The text is not one read-only query within the policy.</exception>
    /// <exception cref="SqlSyntaxException">DuckDB's parser could not read it.</exception>
    public static string Check(DuckDbConnection parser, string? sql)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var statement = OneStatement(SqlTextCheck.Check(sql));
        if (statement.FirstKeyword == "EXPLAIN")
        {
            var (prefix, explained) = Explain(statement);
            var inner = OneStatement(explained);
            if (inner.FirstKeyword is { } keyword && (keyword == "EXPLAIN" || SqlKeywords.RefusalOf(keyword) is not null))
            {
                throw new SqlRefusedException(SqlRefusal.Explain, keyword);
            }

            Parse(parser, inner, explain: true);
            return prefix + inner.Text;
        }

        if (SqlKeywords.RefusalOf(statement.FirstKeyword) is { } refusal)
        {
            throw new SqlRefusedException(refusal, statement.FirstKeyword);
        }

        Parse(parser, statement, explain: false);
        return statement.Text;
    }

    private static SqlStatementText OneStatement(string sql)
    {
        var statements = SqlText.Split(sql);
        return statements.Count switch
        {
            0 => throw new SqlRefusedException(SqlRefusal.Empty),
            1 => statements[0],
            _ => throw new SqlRefusedException(SqlRefusal.SeveralStatements, statements.Count.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static void Parse(DuckDbConnection parser, SqlStatementText statement, bool explain)
    {
        using var command = parser.CreateCommand("SELECT json_serialize_sql(CAST($sql AS VARCHAR))");
        command.Parameters.Add("sql", statement.Text);
        using var json = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = json.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            if (type == "not implemented")
            {
                throw new SqlRefusedException(explain ? SqlRefusal.Explain : SqlRefusal.NotAQuery, statement.FirstKeyword);
            }

            throw new SqlSyntaxException(message ?? "DuckDB could not parse the statement.");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw new SqlRefusedException(SqlRefusal.SeveralStatements, statements.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        }

        SqlFunctionPolicy.Check(statements[0]);
    }

    /// <summary>The EXPLAIN prefix to run (written here) and the text it explains.</summary>
    private static (string Prefix, string Explained) Explain(SqlStatementText statement)
    {
        var text = statement.Text;
        var i = SkipSpace(text, statement.FirstKeywordEnd);
        var analyze = false;
        string? format = null;
        if (i < text.Length && text[i] == '(')
        {
            var close = text.IndexOf(')', i);
            if (close < 0)
            {
                throw new SqlRefusedException(SqlRefusal.Explain, "(");
            }

            foreach (var option in text[(i + 1)..close].Split(',', StringSplitOptions.TrimEntries))
            {
                var words = option.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                switch (words)
                {
                    case [var a] when IsAnalyze(a):
                        analyze = true;
                        break;
                    case [var a, var on] when IsAnalyze(a) && on.ToUpperInvariant() is "TRUE" or "ON" or "1" or "FALSE" or "OFF" or "0":
                        analyze = on.ToUpperInvariant() is "TRUE" or "ON" or "1";
                        break;
                    case [var f, var name] when f.Equals("FORMAT", StringComparison.OrdinalIgnoreCase) && ExplainFormats.Contains(name):
                        format = name.ToLowerInvariant();
                        break;
                    default:
                        throw new SqlRefusedException(SqlRefusal.Explain, option.Length == 0 ? "()" : option);
                }
            }

            i = close + 1;
        }
        else if (WordAt(text, i) is { } word && IsAnalyze(word))
        {
            analyze = true;
            i += word.Length;
        }

        var prefix = format is null
            ? analyze ? "EXPLAIN ANALYZE " : "EXPLAIN "
            : $"EXPLAIN (FORMAT {format}{(analyze ? ", ANALYZE" : "")}) ";
        return (prefix, text[SkipSpace(text, i)..]);
    }

    private static bool IsAnalyze(string word) => word.Equals("ANALYZE", StringComparison.OrdinalIgnoreCase) || word.Equals("ANALYSE", StringComparison.OrdinalIgnoreCase);

    private static string? WordAt(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end > i ? text[i..end] : null;
    }

    /// <summary>The index of the next character after whitespace and comments.</summary>
    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                var newline = text.IndexOf('\n', i);
                i = newline < 0 ? text.Length : newline + 1;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}

namespace Analytics.Warehouse.SqlConsole;

/// <summary>Writes a query result as CSV (RFC 4180): a header of column names, values as <see cref="ValueText"/>, null as an empty field.</summary>
public static class ResultCsv
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/> with CRLF line ends.</summary>
    public static void Write(QueryResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(",", result.Columns.Select(c => Field(c.Name))));
        writer.Write("\r\n");
        foreach (var row in result.Rows)
        {
            writer.Write(string.Join(",", row.Select(v => Field(ValueText.Format(v)))));
            writer.Write("\r\n");
        }
    }

    /// <summary>A field, quoted when it holds a comma, quote, line break or edge space.</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}

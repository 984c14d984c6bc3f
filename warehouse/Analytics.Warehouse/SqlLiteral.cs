namespace Analytics.Warehouse;

/// <summary>SQL string literals for the few places DuckDB takes no parameter (COPY … TO, ATTACH): file paths we chose.</summary>
internal static class SqlLiteral
{
    /// <summary><paramref name="text"/> as a single-quoted SQL literal, inner quotes doubled.</summary>
    public static string Quote(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A SQL literal cannot hold a NUL character.", nameof(text));
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}

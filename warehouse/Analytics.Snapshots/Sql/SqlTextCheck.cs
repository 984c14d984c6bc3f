using System.Text;

namespace Analytics.Snapshots.Sql;

/// <summary>
/// What a query's text must be before any engine sees it: not empty, not too long, and plain text — no NUL (DuckDB's C
/// API would cut the statement there, so the engine would run less than was checked), no other control character
/// than tab and line breaks, no lone surrogate, and no U+FFFD (what a decoder puts where the bytes were not UTF-8).
/// Both entrances, the dashboard and <c>analytics sql</c>, check here first.
/// </summary>
public static class SqlTextCheck
{
    /// <summary>Longest query text accepted, in characters.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Why <paramref name="sql"/> cannot be run, or null when it may be checked further.</summary>
    public static SqlRefusal? Refusal(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return SqlRefusal.Empty;
        }

        if (sql.Length > MaxLength)
        {
            return SqlRefusal.TooLong;
        }

        foreach (var rune in sql.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r')))
            {
                return SqlRefusal.InvalidText;
            }
        }

        // EnumerateRunes yields U+FFFD for a lone surrogate, so it is refused above.
        return null;
    }

    /// <summary>Throws <see cref="SqlRefusedException"/> when <see cref="Refusal"/> is not null.</summary>
    public static string Check(string? sql) =>
        Refusal(sql) is { } reason ? throw new SqlRefusedException(reason, reason == SqlRefusal.TooLong ? MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) : sql!;
}

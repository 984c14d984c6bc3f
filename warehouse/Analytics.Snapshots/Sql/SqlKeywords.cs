namespace Analytics.Snapshots.Sql;

/// <summary>
/// The first keywords of statements the console refuses, by reason: they give a clear message before DuckDB's parser
/// is asked. The parser is the judge (<see cref="SqlStatementCheck"/>): only a SELECT serialises, whatever its first word.
/// </summary>
internal static class SqlKeywords
{
    private static readonly Dictionary<string, SqlRefusal> Refused = Build();

    /// <summary>Why a statement starting with <paramref name="keyword"/> (upper case) is refused, or null.</summary>
    public static SqlRefusal? RefusalOf(string? keyword) => keyword is not null && Refused.TryGetValue(keyword, out var reason) ? reason : null;

    private static Dictionary<string, SqlRefusal> Build()
    {
        var map = new Dictionary<string, SqlRefusal>(StringComparer.Ordinal);
        void Add(SqlRefusal reason, params string[] keywords)
        {
            foreach (var k in keywords)
            {
                map[k] = reason;
            }
        }

        Add(SqlRefusal.Write, "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "COMMENT", "VACUUM", "CHECKPOINT", "ANALYZE", "REINDEX");
        Add(SqlRefusal.FileAccess, "COPY", "EXPORT", "IMPORT");
        Add(SqlRefusal.OtherDatabase, "ATTACH", "DETACH", "USE");
        Add(SqlRefusal.Extension, "INSTALL", "LOAD", "FORCE", "UPDATE_EXTENSIONS");
        Add(SqlRefusal.Setting, "SET", "RESET", "PRAGMA");
        Add(SqlRefusal.NotAQuery, "CALL", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "TRANSACTION", "PREPARE", "EXECUTE", "DEALLOCATE");
        return map;
    }
}

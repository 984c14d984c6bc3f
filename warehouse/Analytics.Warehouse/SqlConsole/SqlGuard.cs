namespace Analytics.Warehouse.SqlConsole;

/// <summary>
/// The console's first check, by a statement's first keyword: one statement, and a query — never a write, file access,
/// another database, an extension or a setting. It exists for clear messages; DuckDB's parser (only SELECT statements
/// serialise) and the read-only, locked-down connection are the checks that hold if this one is fooled.
/// </summary>
public static class SqlGuard
{
    /// <summary>What the console runs, for messages.</summary>
    internal const string QueryHint =
        "The console runs one read-only query (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) against the snapshot; " +
        "a pivot needs its IN list (SELECT * FROM t PIVOT (sum(v) FOR year IN (2020, 2021))).";

    private static readonly Dictionary<string, (SqlRefusal Reason, string Message)> Refused = Build();

    /// <summary>Keywords that may start a statement the console runs.</summary>
    public static IReadOnlySet<string> QueryKeywords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN",
    };

    /// <summary>The one statement in <paramref name="sql"/>, or a <see cref="SqlRefusedException"/> saying why not.</summary>
    public static SqlStatementText Check(string sql)
    {
        var statements = SqlText.Split(sql ?? "");
        if (statements.Count == 0)
        {
            throw new SqlRefusedException(SqlRefusal.Empty, "The query is empty. " + QueryHint);
        }

        if (statements.Count > 1)
        {
            throw new SqlRefusedException(SqlRefusal.SeveralStatements,
                $"The text holds {statements.Count} statements (separated by ';'); the console runs one statement at a time. Run them one by one.");
        }

        var statement = statements[0];
        if (statement.FirstKeyword is { } keyword && Refused.TryGetValue(keyword, out var refusal))
        {
            throw new SqlRefusedException(refusal.Reason, $"{keyword} is refused: {refusal.Message}");
        }

        return statement;
    }

    private static Dictionary<string, (SqlRefusal, string)> Build()
    {
        var map = new Dictionary<string, (SqlRefusal, string)>(StringComparer.Ordinal);
        void Add(SqlRefusal reason, string message, params string[] keywords)
        {
            foreach (var k in keywords)
            {
                map[k] = (reason, message);
            }
        }

        Add(SqlRefusal.Write,
            "a published snapshot is read-only and never changes. To change the warehouse, change the lake or the build and run 'analytics build'; to shape a result, use a SELECT (WITH … for intermediate steps).",
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "COMMENT", "VACUUM", "CHECKPOINT", "ANALYZE", "REINDEX");
        Add(SqlRefusal.FileAccess,
            "the console reads only the snapshot and touches no files. To save a result, use --out <file> (.csv, .json or .parquet).",
            "COPY", "EXPORT", "IMPORT");
        Add(SqlRefusal.OtherDatabase,
            "the console reads only the snapshot it opened. Open another snapshot with --snapshot <file or folder>.",
            "ATTACH", "DETACH", "USE");
        Add(SqlRefusal.Extension,
            "extensions cannot be installed or loaded in the console; the snapshot needs none (parquet, json and icu are built in).",
            "INSTALL", "LOAD", "FORCE", "UPDATE_EXTENSIONS");
        Add(SqlRefusal.Setting,
            "the console's settings are fixed (its time limit is --timeout, its row cap --max-rows). For catalog information query the functions instead, e.g. SELECT * FROM pragma_table_info('mart_indicator') or duckdb_tables().",
            "SET", "RESET", "PRAGMA");
        Add(SqlRefusal.NotAQuery,
            "it is not a query. " + QueryHint + " Table functions run as SELECT * FROM f(…).",
            "CALL", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "TRANSACTION", "PREPARE", "EXECUTE", "DEALLOCATE");
        return map;
    }
}

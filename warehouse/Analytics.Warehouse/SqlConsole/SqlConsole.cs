using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.DuckDb;
using Analytics.DuckDb.Native;

namespace Analytics.Warehouse.SqlConsole;

/// <summary>
/// Runs analysts' SQL against a snapshot, read-only: for <c>analytics sql</c> now and the dashboard's SQL console later.
/// One statement at a time, a time limit, a row cap, and nothing but queries.
/// </summary>
/// <remarks>
/// <para>Defence in depth, outermost first: <see cref="SqlGuard"/> refuses by first keyword with a clear message;
/// DuckDB's own parser must accept the text as exactly one SELECT (<c>json_serialize_sql</c> serialises nothing else);
/// and the connection itself is opened with <c>access_mode=READ_ONLY</c>, <c>enable_external_access=false</c>,
/// <c>autoload_known_extensions=false</c>, <c>autoinstall_known_extensions=false</c>, its own <c>memory_limit</c> and
/// <c>threads</c>, and <c>lock_configuration=true</c> (all checked against DuckDB 1.5.6), so that even a statement
/// that slipped past both checks could not write, read files, load code or change the limits. The time limit is
/// <c>CommandTimeout</c>, which interrupts DuckDB from a timer.</para>
/// <para>Not thread-safe: one console per thread or request (the native database is shared, connections are cheap).</para>
/// </remarks>
public sealed class SqlConsole : IDisposable
{
    private readonly DuckDbConnection _connection;

    private SqlConsole(string snapshotPath, SqlConsoleOptions options, DuckDbConnection connection)
    {
        SnapshotPath = snapshotPath;
        Options = options;
        _connection = connection;
    }

    /// <summary>The snapshot file the console reads.</summary>
    public string SnapshotPath { get; }

    /// <summary>The console's limits.</summary>
    public SqlConsoleOptions Options { get; }

    /// <summary>The catalog name queries see (the file name without extension).</summary>
    public string Catalog => _connection.Database;

    /// <summary>Opens a console on a snapshot file.</summary>
    /// <exception cref="DuckDbException">The file is missing or not a DuckDB database.</exception>
    public static SqlConsole Open(string snapshotPath, SqlConsoleOptions? options = null)
    {
        options ??= new SqlConsoleOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRows, 1, nameof(options));
        var path = Path.GetFullPath(snapshotPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The snapshot '{path}' does not exist. Run 'analytics build', or pass an existing file or snapshot folder with --snapshot.", path);
        }

        var connection = new DuckDbConnection(ConnectionString(path, options));
        try
        {
            connection.Open();
            return new SqlConsole(path, options, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The locked-down connection string of a console on <paramref name="snapshotPath"/>.</summary>
    public static string ConnectionString(string snapshotPath, SqlConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new DuckDbConnectionStringBuilder
        {
            DataSource = snapshotPath,
            AccessMode = "READ_ONLY",
            EnableExternalAccess = false,
            MemoryLimit = options.MemoryLimit,
            Threads = options.Threads,
        };
        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        builder["lock_configuration"] = "true";
        return builder.ConnectionString;
    }

    /// <summary>Runs one read-only query and reads up to <see cref="SqlConsoleOptions.MaxRows"/> rows.</summary>
    /// <exception cref="SqlRefusedException">The text is not exactly one read-only query, or it tried to reach outside the snapshot.</exception>
    /// <exception cref="TimeoutException">The query ran past <see cref="SqlConsoleOptions.Timeout"/> and was stopped.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DuckDbException">DuckDB reported an error (syntax, unknown table, conversion, …).</exception>
    public QueryResult Run(string sql, CancellationToken cancellationToken = default)
    {
        var statement = CheckQuery(sql);
        return Execute(statement.Text, null, cancellationToken);
    }

    /// <summary>
    /// Writes the whole result of one read-only query to <paramref name="outputPath"/> as Parquet (zstd) and returns
    /// the rows written. The row cap does not apply (DuckDB streams the rows to disk); the time limit does.
    /// </summary>
    /// <remarks>
    /// The query runs on a separate in-memory DuckDB that attaches the snapshot read-only and may write exactly one
    /// file (<c>allowed_paths</c>, then <c>enable_external_access=false</c> and <c>lock_configuration=true</c>): a
    /// temporary name beside the target, renamed over it when complete, so a failure never leaves a partial file.
    /// </remarks>
    public long ExportParquet(string sql, string outputPath, CancellationToken cancellationToken = default)
    {
        var statement = CheckQuery(sql);
        return ParquetExport.Write(this, statement.Text, Path.GetFullPath(outputPath), cancellationToken);
    }

    /// <summary>The snapshot's tables and views with their kind, rows (tables) and comment, by name.</summary>
    public QueryResult Tables() => Execute(CatalogQueries.Tables, null, CancellationToken.None);

    /// <summary>The columns of a table or view with type, nullability and comment (no rows when there is no such table).</summary>
    public QueryResult Describe(string table) => Execute(CatalogQueries.Columns, ("table", table), CancellationToken.None);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Runs trusted SQL (ours, not the user's) with the console's limits: for catalog queries.</summary>
    internal QueryResult Execute(string sql, (string Name, object Value)? parameter, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var command = _connection.CreateCommand(sql);
        command.CommandTimeout = Options.TimeoutSeconds;
        if (parameter is { } p)
        {
            command.Parameters.Add(p.Name, p.Value);
        }

        try
        {
            using var reader = command.ExecuteReader(CommandBehavior.Default, cancellationToken);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (reader.Read())
            {
                if (rows.Count == Options.MaxRows)
                {
                    truncated = true;
                    break;
                }

                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(columns, rows, truncated, stopwatch.Elapsed);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The one statement of <paramref name="sql"/> once both the guard and DuckDB's parser agree it is a query.</summary>
    internal SqlStatementText CheckQuery(string sql)
    {
        var statement = SqlGuard.Check(sql);
        var query = statement.FirstKeyword == "EXPLAIN" ? AfterExplain(statement) : statement.Text;
        using var command = _connection.CreateCommand("SELECT json_serialize_sql(CAST($sql AS VARCHAR))");
        command.Parameters.Add("sql", query);
        using var json = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = json.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            // A syntax error is left to DuckDB to report when the statement runs (with its position); nothing runs then.
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            if (type == "not implemented")
            {
                throw new SqlRefusedException(SqlRefusal.NotAQuery,
                    $"{statement.FirstKeyword ?? "The statement"} is refused: DuckDB does not read it as a single query. " + SqlGuard.QueryHint);
            }
        }
        else if (root.GetProperty("statements").GetArrayLength() != 1)
        {
            throw new SqlRefusedException(SqlRefusal.SeveralStatements,
                $"DuckDB reads {root.GetProperty("statements").GetArrayLength().ToString(CultureInfo.InvariantCulture)} statements in this text; the console runs one statement at a time.");
        }

        return statement;
    }

    /// <summary>Turns what went wrong into the console's exceptions; null leaves the exception as it is.</summary>
    internal Exception? Translate(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new TimeoutException(
            $"The query ran longer than its time limit of {Options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped. Narrow it (filters, LIMIT, fewer joins) or allow more time with --timeout.", ex),
        DuckDbException { ErrorType: DuckDbErrorType.Permission } d when d.Message.Contains("xtension", StringComparison.Ordinal) => new SqlRefusedException(SqlRefusal.Extension,
            "Refused: extensions cannot be installed or loaded in the console. DuckDB: " + d.Message, d),
        DuckDbException { ErrorType: DuckDbErrorType.Permission } d => new SqlRefusedException(SqlRefusal.FileAccess,
            "Refused: the console reads only the snapshot's tables and views; reading or writing files (read_csv, read_parquet, glob, COPY, ATTACH, …) is switched off. To save a result use --out <file>. DuckDB: " + d.Message, d),
        DuckDbException d when d.Message.Contains("read-only mode", StringComparison.Ordinal) => new SqlRefusedException(SqlRefusal.Write,
            "Refused: the snapshot is read-only and never changes. DuckDB: " + d.Message, d),
        DuckDbException d when d.Message.Contains("configuration has been locked", StringComparison.Ordinal) => new SqlRefusedException(SqlRefusal.Setting,
            "Refused: the console's settings are fixed. DuckDB: " + d.Message, d),
        _ => null,
    };

    /// <summary>The statement an EXPLAIN [ANALYZE] explains, itself checked by the guard (EXPLAIN ANALYZE runs it).</summary>
    private static string AfterExplain(SqlStatementText statement)
    {
        var rest = statement.Text[statement.FirstKeywordEnd..];
        var next = SqlText.Split(rest);
        if (next.Count == 1 && next[0].FirstKeyword is "ANALYZE" or "ANALYSE")
        {
            rest = next[0].Text[next[0].FirstKeywordEnd..];
        }

        return SqlGuard.Check(rest).Text;
    }
}

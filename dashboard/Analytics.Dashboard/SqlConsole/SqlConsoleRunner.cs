using System.Diagnostics;
using System.Globalization;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Snapshots;
using Analytics.DuckDb;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>
/// Runs analysts' SQL against the current snapshot on a database instance of its own, opened read-only with external
/// access off, no extension auto-loading, a memory limit and a thread limit, then its configuration locked; one
/// statement at a time (<see cref="StatementCheck"/>), a time limit enforced by interrupting DuckDB, rows capped while
/// reading, and a line in the audit log for every query. DuckDB calls these settings defence in depth, not a sandbox,
/// so the console also runs apart from the pages' connections and with few concurrent queries.
/// </summary>
public sealed class SqlConsoleRunner : IDisposable
{
    /// <summary>Longest query text accepted.</summary>
    public const int MaxQueryLength = 20_000;

    private readonly SnapshotSource _source;
    private readonly SqlConsoleOptions _options;
    private readonly SqlAuditLog _audit;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the runner.</summary>
    public SqlConsoleRunner(SnapshotSource source, IOptions<AnalyticsOptions> options, SqlAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(options);
        _source = source;
        _options = options.Value.SqlConsole;
        _audit = audit;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrent));
    }

    /// <summary>The console's limits.</summary>
    public SqlConsoleOptions Options => _options;

    /// <summary>The connection string of the console's own database instance on a snapshot file.</summary>
    internal string ConnectionString(string path) => new DuckDbConnectionStringBuilder
    {
        DataSource = path,
        AccessMode = "READ_ONLY",
        EnableExternalAccess = false,
        MemoryLimit = _options.MemoryLimit,
        Threads = _options.Threads,
        ["autoload_known_extensions"] = "false",
        ["autoinstall_known_extensions"] = "false",
        ["allow_community_extensions"] = "false",
        ["allow_unsigned_extensions"] = "false",
        ["lock_configuration"] = "true",
    }.ConnectionString;

    /// <summary>Runs one query; never throws for anything the query does.</summary>
    public async Task<SqlConsoleResult> RunAsync(string? sql, int maxRows, string? remote, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        sql = sql?.Trim() ?? "";
        var snapshot = _source.Current;
        SqlConsoleResult result;
        if (sql.Length == 0)
        {
            result = SqlConsoleResult.Failed(SqlOutcome.Refused, "Type a SELECT query.", clock.Elapsed);
        }
        else if (sql.Length > MaxQueryLength)
        {
            result = SqlConsoleResult.Failed(SqlOutcome.Refused, $"The query is longer than {MaxQueryLength} characters.", clock.Elapsed);
        }
        else if (snapshot is null)
        {
            result = SqlConsoleResult.Failed(SqlOutcome.Unavailable, _source.Problem ?? "No snapshot.", clock.Elapsed);
        }
        else
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                result = await Task.Run(() => Execute(snapshot.Path, sql, maxRows, clock, cancellationToken), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }

        _audit.Write(new SqlAuditEntry(
            DateTimeOffset.UtcNow, remote, snapshot is null ? null : Path.GetFileName(snapshot.Path), sql, result.Outcome.ToString(),
            result.Table?.Rows.Count ?? 0, Math.Round(result.Elapsed.TotalMilliseconds, 1), result.Error));
        return result;
    }

    private SqlConsoleResult Execute(string path, string sql, int maxRows, Stopwatch clock, CancellationToken requestAborted)
    {
        using var connection = new DuckDbConnection(ConnectionString(path));
        try
        {
            connection.Open();
            if (StatementCheck.Refusal(connection, sql) is { } refusal)
            {
                return SqlConsoleResult.Failed(SqlOutcome.Refused, refusal, clock.Elapsed);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
            limit.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            using var cmd = connection.CreateCommand(sql);
            using var reader = cmd.ExecuteReader(System.Data.CommandBehavior.Default, limit.Token);
            var table = TableResult.Read(reader, maxRows, limit.Token);
            return new SqlConsoleResult(table, null, table.Capped ? SqlOutcome.Capped : SqlOutcome.Ok, clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return SqlConsoleResult.Failed(
                SqlOutcome.TimedOut,
                string.Format(CultureInfo.InvariantCulture, "Stopped at the time limit of {0:0.#} s. Narrow the query (filter, aggregate, LIMIT).", _options.TimeoutSeconds),
                clock.Elapsed);
        }
        catch (DuckDbException ex)
        {
            return SqlConsoleResult.Failed(SqlOutcome.Error, ex.Message, clock.Elapsed);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}

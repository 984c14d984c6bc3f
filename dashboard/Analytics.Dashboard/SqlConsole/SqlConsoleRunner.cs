using System.Globalization;
using Analytics.Dashboard.Snapshots;
using Analytics.Snapshots.Audit;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>
/// The dashboard's side of the analysts' SQL console: every query is audited before it runs and after it ends, and
/// runs in a worker of the <see cref="SqlWorkerPool"/> — never in this process — against the snapshot current when
/// it was asked. Nothing a query does can take the dashboard down or starve it; the worst a query gets is a problem.
/// </summary>
public sealed partial class SqlConsoleRunner : IDisposable
{
    private readonly SnapshotSource _source;
    private readonly SqlWorkerPool _pool;

    /// <summary>Creates the runner and starts the workers.</summary>
    public SqlConsoleRunner(SnapshotSource source, IOptions<AnalyticsOptions> options, IWebHostEnvironment environment, ILogger<SqlConsoleRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _source = source;
        Options = options.Value.SqlConsole;
        Audit = new SqlAuditLog(Path.GetFullPath(Options.AuditLog, environment.ContentRootPath), Options.AuditLogMaxMB * 1024 * 1024);
        _pool = new SqlWorkerPool(
            new SqlWorkerPoolOptions
            {
                Workers = Math.Max(1, Options.MaxConcurrent),
                MemoryLimit = Options.MemoryLimit,
                Threads = Options.Threads,
                TempBudget = Options.TempBudget,
                ProcessMemoryMB = Options.ProcessMemoryMB,
                QueueTimeout = TimeSpan.FromSeconds(Options.QueueTimeoutSeconds),
                TempRoot = Options.TempRoot,
            },
            line => WorkerSaid(logger, line),
            source.Current?.Path);
    }

    /// <summary>The console's limits.</summary>
    public SqlConsoleOptions Options { get; }

    /// <summary>The audit log.</summary>
    public SqlAuditLog Audit { get; }

    /// <summary>The workers' process ids (operators and tests).</summary>
    public IReadOnlyList<int> Workers => _pool.WorkerIds;

    /// <summary>The process ids of the workers running a query now (operators and tests).</summary>
    public IReadOnlyList<int> BusyWorkers => _pool.BusyWorkerIds;

    /// <summary>The time limit of a query.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(Options.TimeoutSeconds);

    /// <summary>Runs one query for the page; never throws for anything the query does.</summary>
    public async Task<SqlConsoleResult> RunAsync(string? sql, SqlRequester requester, CancellationToken cancellationToken)
    {
        var caps = new ResultCaps(Options.MaxRows, Options.MaxBytes, Options.CellChars);
        return SqlConsoleResult.Of(await RunAsync(sql, requester, ResultFormat.Table, caps, null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs one query into a file for download: CSV (UTF-8 with a byte-order mark, the formula guard on every field),
    /// JSON with typed values, or an Arrow IPC stream — all under the same download caps (<see cref="SqlConsoleOptions.MaxCsvRows"/>,
    /// <see cref="SqlConsoleOptions.MaxCsvBytes"/>) and time limit, and audited with their format.
    /// </summary>
    public async Task<SqlDownloadResult> RunDownloadAsync(string? sql, ResultFormat format, SqlRequester requester, CancellationToken cancellationToken)
    {
        if (format is not (ResultFormat.Csv or ResultFormat.Json or ResultFormat.Arrow))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "The console downloads CSV, JSON or Arrow.");
        }

        var file = _pool.NewOutputPath(ResultMedia.Extension(format));
        var run = await RunAsync(sql, requester, format, new ResultCaps(Options.MaxCsvRows, Options.MaxCsvBytes), file, cancellationToken).ConfigureAwait(false);
        if (run.Problem is not null)
        {
            File.Delete(file);
            return new SqlDownloadResult(null, 0, Truncation.None, run.Problem);
        }

        return new SqlDownloadResult(file, run.Rows, run.Truncation, null);
    }

    /// <summary>Records a request refused before it could run (an oversize body, a failed antiforgery check).</summary>
    public void Refused(SqlRequester requester, string? sql, SqlProblem problem) => Audit.Refused(requester, _source.Current?.Path, sql, problem);

    /// <summary>The cap of a truncated result, as the page states it.</summary>
    public string CapText(Truncation truncation, bool csv) => truncation == Truncation.Rows
        ? (csv ? Options.MaxCsvRows : Options.MaxRows).ToString("N0", CultureInfo.InvariantCulture)
        : SqlMessages.Size(csv ? Options.MaxCsvBytes : Options.MaxBytes);

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    private async Task<SqlRunResult> RunAsync(
        string? sql, SqlRequester requester, ResultFormat format, ResultCaps caps, string? output, CancellationToken cancellationToken)
    {
        var snapshot = _source.Current;
        if (SqlTextCheck.Refusal(sql) is { } refusal)
        {
            var problem = SqlProblem.Refused(refusal, refusal == SqlRefusal.TooLong ? SqlTextCheck.MaxLength.ToString(CultureInfo.InvariantCulture) : null);
            Audit.Refused(requester, snapshot?.Path, sql, problem);
            return SqlRunResult.Failed(problem, TimeSpan.Zero);
        }

        if (snapshot is null)
        {
            var problem = new SqlProblem(SqlProblemKind.Unavailable);
            Audit.Refused(requester, null, sql, problem);
            return SqlRunResult.Failed(problem, TimeSpan.Zero);
        }

        var id = Audit.Start(requester, snapshot.Path, sql!, ResultMedia.Name(format));
        var request = new SqlRunRequest(snapshot.Path, sql!, format, caps, Timeout, output, ByteOrderMark: format == ResultFormat.Csv);
        var result = await _pool.RunAsync(request, cancellationToken).ConfigureAwait(false);
        Audit.End(id, result);
        return result;
    }

    /// <summary>A line a SQL worker wrote to its standard error.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private static partial void WorkerSaid(ILogger logger, string line);
}

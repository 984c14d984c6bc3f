using System.Globalization;
using Analytics.Snapshots.Audit;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;

namespace Analytics.Cli;

/// <summary>The limits one <c>analytics sql</c> invocation runs its queries under.</summary>
internal sealed record SqlLimits(int MaxRows, long MaxBytes, TimeSpan Timeout, string MemoryLimit);

/// <summary>
/// One <c>analytics sql</c> session: the snapshot, a pool of one SQL worker (no analyst's SQL runs in this process),
/// the audit log, and the messages in the terminal's language. Every query — one-shot, from the prompt, or the
/// prompt's own <c>.tables</c> — goes through <see cref="Run"/>, so each is checked, contained and audited alike.
/// </summary>
internal sealed class SqlSession : IDisposable
{
    /// <summary>Longest cell shown in a terminal table, in characters.</summary>
    private const int TerminalCellChars = 1000;

    private readonly SqlWorkerPool _pool;
    private readonly SqlAuditLog _audit;
    private readonly SqlRequester _requester = new(Environment.UserName, "cli", "cli");

    public SqlSession(string snapshot, SqlLimits limits, string auditLog)
    {
        Snapshot = snapshot;
        Limits = limits;
        _audit = new SqlAuditLog(auditLog);
        _pool = new SqlWorkerPool(
            new SqlWorkerPoolOptions { Workers = 1, MemoryLimit = limits.MemoryLimit, Threads = Math.Min(Environment.ProcessorCount, 2), TempBudget = "1GB", ProcessMemoryMB = 3072 },
            snapshot: snapshot);
    }

    public string Snapshot { get; }

    public SqlLimits Limits { get; }

    /// <summary>Chinese when the terminal's language is Chinese (LANG=zh_CN.UTF-8), else English.</summary>
    public static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>The log every query of this session is written to.</summary>
    public string AuditLog => _audit.FilePath;

    /// <summary>Runs one query, audited before and after; <paramref name="output"/> is the file a file format writes (CSV files get a byte-order mark for spreadsheets).</summary>
    public SqlRunResult Run(string sql, ResultFormat format, string? output, bool byteOrderMark, CancellationToken token)
    {
        if (SqlTextCheck.Refusal(sql) is { } refusal)
        {
            var problem = SqlProblem.Refused(refusal, refusal == SqlRefusal.TooLong ? SqlTextCheck.MaxLength.ToString(CultureInfo.InvariantCulture) : null);
            _audit.Refused(_requester, Snapshot, sql, problem);
            return SqlRunResult.Failed(problem, TimeSpan.Zero);
        }

        var id = _audit.Start(_requester, Snapshot, sql, ResultMedia.Name(format));
        var caps = new ResultCaps(Limits.MaxRows, Limits.MaxBytes, TerminalCellChars);
        var request = new SqlRunRequest(Snapshot, sql, format, caps, Limits.Timeout, output, byteOrderMark);
        var result = _pool.RunAsync(request, token).GetAwaiter().GetResult();
        _audit.End(id, result);
        return result;
    }

    /// <summary>A fresh temporary file for a result that goes to standard output.</summary>
    public string TemporaryOutput(string extension) => _pool.NewOutputPath(extension);

    /// <summary>The exit code of a problem.</summary>
    public static int ExitCodeOf(SqlProblem problem) => problem.Kind switch
    {
        SqlProblemKind.Refused => ExitCodes.SqlRefused,
        SqlProblemKind.Cancelled => ExitCodes.Cancelled,
        SqlProblemKind.Unavailable => ExitCodes.Usage,
        _ => ExitCodes.QueryFailed,
    };

    /// <summary>The label a problem is printed under: refused, or error.</summary>
    public static string Label(SqlProblem problem) => (problem.Kind == SqlProblemKind.Refused, Chinese) switch
    {
        (true, true) => "已拒绝",
        (true, false) => "refused",
        (false, true) => "错误",
        (false, false) => "error",
    };

    /// <summary>A problem as the terminal shows it: the message, and DuckDB's own words beneath when it said something.</summary>
    public static string Describe(SqlProblem problem) =>
        problem.Message(Chinese) + (problem.Detail is { Length: > 0 } detail ? Environment.NewLine + "DuckDB: " + detail : "");

    /// <summary>
    /// The audit log of a snapshot's data folder: <c>&lt;data&gt;/logs/sql-audit.jsonl</c> beside its <c>snapshots/</c>
    /// folder, or <c>logs/</c> beside a snapshot file kept elsewhere.
    /// </summary>
    public static string DefaultAuditLog(string snapshotArgument)
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_SQL_AUDIT_LOG") is { Length: > 0 } configured)
        {
            return configured;
        }

        var full = Path.GetFullPath(snapshotArgument);
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var data = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)) == "snapshots" ? Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)) ?? folder : folder;
        return Path.Combine(data, "logs", "sql-audit.jsonl");
    }

    public void Dispose() => _pool.Dispose();
}

namespace Analytics.Snapshots.Sql;

/// <summary>How a query failed to give a result.</summary>
public enum SqlProblemKind
{
    /// <summary>Refused before it ran (<see cref="SqlProblem.Refusal"/> says why).</summary>
    Refused,

    /// <summary>DuckDB's parser could not read it.</summary>
    Syntax,

    /// <summary>DuckDB reported an error while binding or running it (unknown table or column, conversion, …).</summary>
    Query,

    /// <summary>Stopped at its time limit.</summary>
    TimedOut,

    /// <summary>Stopped at its memory limit (DuckDB's or the operating system's).</summary>
    MemoryLimit,

    /// <summary>Stopped at its budget of temporary disk space (a large sort or join spilling).</summary>
    TempLimit,

    /// <summary>A result written whole (Parquet) grew past its byte cap and was not kept.</summary>
    TooLarge,

    /// <summary>The worker process running it ended without an answer (a crash, or it was killed).</summary>
    WorkerFailed,

    /// <summary>Every worker stayed busy for longer than the console waits.</summary>
    Busy,

    /// <summary>There is no snapshot to query.</summary>
    Unavailable,

    /// <summary>The person who asked went away (closed the page, pressed Ctrl+C).</summary>
    Cancelled,
}

/// <summary>
/// Why a query gave no result, in terms a person can act on: the kind, the refusal and its subject when refused, and
/// DuckDB's own message when the engine reported one (with server paths taken out). <see cref="Message"/> says it
/// in Chinese or English.
/// </summary>
/// <param name="Kind">How it failed.</param>
/// <param name="Refusal">Why it was refused, when <paramref name="Kind"/> is <see cref="SqlProblemKind.Refused"/>.</param>
/// <param name="Subject">The keyword, function or view refused, or a limit's figure.</param>
/// <param name="Detail">DuckDB's message (English, as DuckDB writes it), when there is one.</param>
public sealed record SqlProblem(SqlProblemKind Kind, SqlRefusal? Refusal = null, string? Subject = null, string? Detail = null)
{
    /// <summary>A refusal.</summary>
    public static SqlProblem Refused(SqlRefusal reason, string? subject = null) => new(SqlProblemKind.Refused, reason, subject);

    /// <summary>The problem a refusal exception describes.</summary>
    public static SqlProblem Of(SqlRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return Refused(refused.Reason, refused.Subject);
    }

    /// <summary>What went wrong and what to do, in Chinese (<paramref name="chinese"/>) or English, without DuckDB's detail.</summary>
    public string Message(bool chinese) => SqlMessages.Problem(this, chinese);

    /// <summary>The audit log's word for this outcome, e.g. <c>refused:function</c>, <c>timed_out</c>.</summary>
    public string AuditOutcome => Kind == SqlProblemKind.Refused
        ? "refused:" + SqlMessages.Snake(Refusal?.ToString() ?? "unknown")
        : SqlMessages.Snake(Kind.ToString());
}

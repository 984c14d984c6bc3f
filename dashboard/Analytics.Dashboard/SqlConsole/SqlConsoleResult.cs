using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>What a console query gave: rows (perhaps cut at the cap) or an error a person can act on.</summary>
public sealed record SqlConsoleResult(TableResult? Table, string? Error, SqlOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>A refused or failed query.</summary>
    public static SqlConsoleResult Failed(SqlOutcome outcome, string error, TimeSpan elapsed) => new(null, error, outcome, elapsed);
}

/// <summary>How a console query ended (also written to the audit log).</summary>
public enum SqlOutcome
{
    /// <summary>Ran; all rows returned.</summary>
    Ok,

    /// <summary>Ran; rows cut at the cap.</summary>
    Capped,

    /// <summary>Refused before running: not one read-only SELECT.</summary>
    Refused,

    /// <summary>DuckDB reported an error (syntax, permission, memory, …).</summary>
    Error,

    /// <summary>Stopped at the time limit.</summary>
    TimedOut,

    /// <summary>No snapshot to query.</summary>
    Unavailable,
}

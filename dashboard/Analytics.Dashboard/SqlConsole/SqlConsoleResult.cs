using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;

namespace Analytics.Dashboard.SqlConsole;

/// <summary>What a console query gave: a table (perhaps cut at a cap) or a problem a person can act on.</summary>
public sealed record SqlConsoleResult(TableResult? Table, SqlProblem? Problem, TimeSpan Elapsed)
{
    /// <summary>The result of a run.</summary>
    public static SqlConsoleResult Of(SqlRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new SqlConsoleResult(run.Table, run.Problem, run.Elapsed);
    }
}

/// <summary>A download (CSV, JSON or Arrow): the prepared file (deleted once sent) or the problem.</summary>
public sealed record SqlDownloadResult(string? File, long Rows, Truncation Truncation, SqlProblem? Problem);

using System.CommandLine;
using Analytics.Snapshots;

namespace Analytics.Cli;

/// <summary><c>analytics sql</c>: run one read-only query against a snapshot, or open a prompt when no query is given.</summary>
internal static class SqlCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string?>("query") { Description = "One read-only query (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); '-' reads it from standard input; none opens a prompt.", Arity = ArgumentArity.ZeroOrOne };
        var snapshot = new Option<string>("--snapshot") { Description = "A snapshot file (.duckdb) or a snapshot folder with current.json (default: $ANALYTICS_SNAPSHOT, else data/demo/snapshots).", DefaultValueFactory = _ => DefaultSnapshot() };
        var format = new Option<string?>("--format") { Description = "table (default), csv, json, or parquet or arrow (an Arrow IPC stream for pandas, polars, R; both need --out); with --out the default follows its extension." };
        format.AcceptOnlyFromAmong(SqlOutput.Formats);
        var output = new Option<string?>("--out") { Description = "Write the result to this file (.csv, .json, .parquet, .arrow) instead of printing it." };
        var maxRows = new Option<int>("--max-rows") { Description = "Most rows to return; more are cut and a warning says so (not applied to Parquet files; applied to Arrow).", DefaultValueFactory = _ => 10_000 };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Most bytes of a result (256 MB by default): a printed or CSV/JSON result stops before the row that would pass it, an Arrow file before the batch of rows that would, a Parquet file over it is not written.", DefaultValueFactory = _ => 256L * 1024 * 1024 };
        var timeout = new Option<int>("--timeout") { Description = "Time limit of a query, writing its result included, in seconds.", DefaultValueFactory = _ => 30 };
        var memory = new Option<string>("--memory-limit") { Description = "DuckDB memory_limit of the query's engine (the worker process may use about three times as much in all).", DefaultValueFactory = _ => "1GB" };
        var audit = new Option<string?>("--audit-log") { Description = "The SQL audit log (default: $ANALYTICS_SQL_AUDIT_LOG, else logs/sql-audit.jsonl in the snapshot's data folder)." };
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--max-rows must be at least 1."); } });
        maxBytes.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1024) { r.AddError("--max-bytes must be at least 1024."); } });
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--timeout must be at least 1 second."); } });
        var command = new Command("sql", "Query a warehouse snapshot read-only, in a separate worker process with memory, time and size limits: print a table, or write CSV, JSON, Parquet or Arrow. Writes, COPY, ATTACH, INSTALL/LOAD, SET, file reads, functions that change or disclose the server, and several statements at once are refused (exit code 7). Every query is written to the audit log.")
        {
            query, snapshot, format, output, maxRows, maxBytes, timeout, memory, audit,
        };
        command.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(parse, () =>
        {
            var outPath = parse.GetValue(output);
            var chosen = SqlOutput.Choose(parse.GetValue(format), outPath);
            if (chosen == Snapshots.Results.ResultFormat.Parquet && outPath is null)
            {
                throw new CliFailure(ExitCodes.Usage, "--format parquet writes a file: add --out <file>.parquet.");
            }

            if (chosen == Snapshots.Results.ResultFormat.Arrow && outPath is null)
            {
                throw new CliFailure(ExitCodes.Usage, "--format arrow writes a binary Arrow IPC stream, not text for a terminal: add --out <file>.arrow.");
            }

            if (chosen == Snapshots.Results.ResultFormat.Table && outPath is not null)
            {
                throw new CliFailure(ExitCodes.Usage, "--format table prints to the terminal; --out writes csv, json, parquet or arrow.");
            }

            var text = parse.GetValue(query);
            if (text is null && outPath is not null)
            {
                throw new CliFailure(ExitCodes.Usage, "--out needs a query: analytics sql \"SELECT …\" --out <file>.");
            }

            var snapshotArgument = parse.GetValue(snapshot)!;
            var file = SnapshotResolver.Resolve(snapshotArgument, context.Error);
            var limits = new SqlLimits(parse.GetValue(maxRows), parse.GetValue(maxBytes), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(memory)!);
            var sink = new SqlOutput(chosen, outPath, context.Console, context.Error);
            using var session = new SqlSession(file, limits, parse.GetValue(audit) ?? SqlSession.DefaultAuditLog(snapshotArgument));
            if (text is null)
            {
                return new SqlRepl(session, sink, context.Input, SqlRepl.DefaultHistoryPath()).Run(token);
            }

            if (sink.Run(session, text == "-" ? context.Input.ReadToEnd() : text, token) is { } problem)
            {
                // Fail writes "error: "; a refusal says so after it, an error needs no second label.
                var line = problem.Kind == Analytics.Snapshots.Sql.SqlProblemKind.Refused ? $"{SqlSession.Label(problem)}: {SqlSession.Describe(problem)}" : SqlSession.Describe(problem);
                return CommandRunner.Fail(parse, SqlSession.ExitCodeOf(problem), line);
            }

            return ExitCodes.Ok;
        }, ExitCodes.QueryFailed)));
        return command;
    }

    public static string DefaultSnapshot() =>
        Environment.GetEnvironmentVariable("ANALYTICS_SNAPSHOT") is { Length: > 0 } configured
            ? configured
            : new DataPaths(DataPaths.DefaultRoot).Snapshots;
}

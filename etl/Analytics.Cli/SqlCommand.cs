using System.CommandLine;
using Analytics.Warehouse.Snapshots;
using Analytics.Warehouse.SqlConsole;

namespace Analytics.Cli;

/// <summary><c>analytics sql</c>: run one read-only query against a snapshot, or open a prompt when no query is given.</summary>
internal static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "One read-only query (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); '-' reads it from standard input; none opens a prompt.", Arity = ArgumentArity.ZeroOrOne };
        var snapshot = new Option<string>("--snapshot") { Description = "A snapshot file (.duckdb) or a snapshot folder with current.json (default: $ANALYTICS_SNAPSHOT, else data/demo/snapshots).", DefaultValueFactory = _ => DefaultSnapshot() };
        var format = new Option<string?>("--format") { Description = "table (default), csv, json, or parquet (needs --out); with --out the default follows its extension." };
        format.AcceptOnlyFromAmong(SqlOutput.Formats);
        var output = new Option<string?>("--out") { Description = "Write the result to this file (.csv, .json, .parquet) instead of printing it." };
        var maxRows = new Option<int>("--max-rows") { Description = "Most rows to return; more are cut and a warning says so (not applied to Parquet files).", DefaultValueFactory = _ => 10_000 };
        var timeout = new Option<int>("--timeout") { Description = "Time limit of a query in seconds.", DefaultValueFactory = _ => 30 };
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--max-rows must be at least 1."); } });
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--timeout must be at least 1 second."); } });
        var command = new Command("sql", "Query a warehouse snapshot read-only: print a table, or write CSV, JSON or Parquet. Writes, COPY, ATTACH, INSTALL/LOAD, SET, file reads and several statements at once are refused (exit code 7).")
        {
            query, snapshot, format, output, maxRows, timeout,
        };
        command.SetAction((parse, token) => Task.FromResult(WarehouseErrors.Run(() =>
        {
            var outPath = parse.GetValue(output);
            var chosen = SqlOutput.Choose(parse.GetValue(format), outPath);
            if (chosen == "parquet" && outPath is null)
            {
                throw new CliFailure(ExitCodes.Usage, "--format parquet writes a file: add --out <file>.parquet.");
            }

            var file = SnapshotStore.ResolveSnapshotFile(parse.GetValue(snapshot)!);
            var options = new SqlConsoleOptions { MaxRows = parse.GetValue(maxRows), Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            var sink = new SqlOutput(chosen, outPath, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var console = SqlConsole.Open(file, options);
            var text = parse.GetValue(query);
            if (text is null)
            {
                if (outPath is not null)
                {
                    throw new CliFailure(ExitCodes.Usage, "--out needs a query: analytics sql \"SELECT …\" --out <file>.");
                }

                return new SqlRepl(console, sink, Console.In, SqlRepl.DefaultHistoryPath()).Run(token);
            }

            sink.Run(console, text == "-" ? Console.In.ReadToEnd() : text, token);
            return ExitCodes.Ok;
        }, ExitCodes.QueryFailed)));
        return command;
    }

    public static string DefaultSnapshot() =>
        Environment.GetEnvironmentVariable("ANALYTICS_SNAPSHOT") is { Length: > 0 } configured
            ? configured
            : new DataPaths(DataPaths.DefaultRoot).Snapshots;
}

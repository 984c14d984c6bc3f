using System.Text;
using Analytics.DuckDb;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// The <c>analytics sql</c> prompt: statements may span lines and run at <c>;</c>; <c>.tables</c>, <c>.schema &lt;t&gt;</c>,
/// <c>.history</c>, <c>.help</c>, <c>.quit</c>. Each statement run is appended to the history file
/// (<c>~/.analytics_sql_history</c>, or <c>$ANALYTICS_SQL_HISTORY</c>). Every query, the dot commands' included, runs
/// in the session's SQL worker and is audited. Lines are read with plain <see cref="TextReader.ReadLine"/>: no
/// arrow-key editing.
/// </summary>
internal sealed class SqlRepl(SqlSession session, SqlOutput output, TextReader input, string historyPath)
{
    private const string Help = """
        Type a query and end it with ';' (it may span lines). Only read-only queries run; results are capped by --max-rows and --max-bytes.
        .tables            tables and views with their descriptions
        .schema <table>    columns of a table or view with types and descriptions
        .history           the last 20 statements run
        .quit              leave (also .exit or end of input, Ctrl+D)
        """;

    public static string DefaultHistoryPath() =>
        Environment.GetEnvironmentVariable("ANALYTICS_SQL_HISTORY") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".analytics_sql_history");

    public int Run(CancellationToken token)
    {
        output.Console.MarkupLine($"Connected read-only to [bold]{Markup.Escape(session.Snapshot)}[/] (queries are audited in {Markup.Escape(session.AuditLog)}). Type .help for help, .quit to leave.");
        var buffer = new StringBuilder();
        while (!token.IsCancellationRequested)
        {
            output.Console.Markup(buffer.Length == 0 ? "[green]sql>[/] " : "[green]  ->[/] ");
            var line = input.ReadLine();
            if (line is null)
            {
                output.Console.WriteLine();
                return ExitCodes.Ok;
            }

            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                if (!DotCommand(line.Trim(), token))
                {
                    return ExitCodes.Ok;
                }

                continue;
            }

            buffer.AppendLine(line);
            if (!SqlText.EndsStatement(buffer.ToString()))
            {
                continue;
            }

            var sql = buffer.ToString().Trim();
            buffer.Clear();
            Remember(sql);
            Report(output.Run(session, sql, token));
        }

        return ExitCodes.Cancelled;
    }

    /// <summary>Runs a dot command; false means leave.</summary>
    private bool DotCommand(string line, CancellationToken token)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var table = output with { Format = ResultFormat.Table, OutPath = null };
        switch (parts[0].ToLowerInvariant())
        {
            case ".quit" or ".exit" or ".q":
                return false;
            case ".help":
                output.Console.WriteLine(Help);
                break;
            case ".tables":
                Report(table.Run(session, CatalogQueries.Tables, token));
                break;
            case ".schema" when parts.Length == 2:
                var name = parts[1].Trim('"', ';');
                Report(name.Contains('\0', StringComparison.Ordinal)
                    ? SqlProblem.Refused(SqlRefusal.InvalidText)
                    : table.Run(session, CatalogQueries.Columns(DuckDbConnection.QuoteLiteral(name)), token));
                break;
            case ".history":
                foreach (var entry in File.Exists(historyPath) ? File.ReadLines(historyPath).TakeLast(20) : [])
                {
                    output.Console.WriteLine(entry);
                }

                break;
            default:
                output.Console.MarkupLine($"[red]error:[/] unknown command '{Markup.Escape(line)}'. Type .help for the commands.");
                break;
        }

        return true;
    }

    private void Report(SqlProblem? problem)
    {
        if (problem is not null)
        {
            output.Console.MarkupLine($"[red]{SqlSession.Label(problem)}:[/] {Markup.Escape(SqlSession.Describe(problem))}");
        }
    }

    private void Remember(string sql)
    {
        try
        {
            File.AppendAllText(historyPath, string.Join(' ', sql.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Console.MarkupLine($"[grey]History not saved to {Markup.Escape(historyPath)}: {Markup.Escape(ex.Message)}[/]");
        }
    }
}

using System.Text;
using Analytics.DuckDb;
using Analytics.Warehouse.SqlConsole;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// The <c>analytics sql</c> prompt: statements may span lines and run at <c>;</c>; <c>.tables</c>, <c>.schema &lt;t&gt;</c>,
/// <c>.history</c>, <c>.help</c>, <c>.quit</c>. Each statement run is appended to the history file
/// (<c>~/.analytics_sql_history</c>, or <c>$ANALYTICS_SQL_HISTORY</c>). Lines are read with plain
/// <see cref="TextReader.ReadLine"/>: no arrow-key editing.
/// </summary>
internal sealed class SqlRepl(SqlConsole console, SqlOutput output, TextReader input, string historyPath)
{
    private const string Help = """
        Type a query and end it with ';' (it may span lines). Only read-only queries run; results are capped by --max-rows.
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
        AnsiConsole.MarkupLine($"Connected read-only to [bold]{Markup.Escape(console.SnapshotPath)}[/]. Type .help for help, .quit to leave.");
        var buffer = new StringBuilder();
        while (!token.IsCancellationRequested)
        {
            AnsiConsole.Markup(buffer.Length == 0 ? "[green]sql>[/] " : "[green]  ->[/] ");
            var line = input.ReadLine();
            if (line is null)
            {
                AnsiConsole.WriteLine();
                return ExitCodes.Ok;
            }

            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                if (!DotCommand(line.Trim()))
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
            Execute(sql, token);
        }

        return ExitCodes.Cancelled;
    }

    /// <summary>Runs a dot command; false means leave.</summary>
    private bool DotCommand(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (parts[0].ToLowerInvariant())
        {
            case ".quit" or ".exit" or ".q":
                return false;
            case ".help":
                AnsiConsole.WriteLine(Help);
                break;
            case ".tables":
                ResultTable.Write(console.Tables(), console.Options.MaxRows);
                break;
            case ".schema" when parts.Length == 2:
                var columns = console.Describe(parts[1].Trim('"', ';'));
                if (columns.Rows.Count == 0)
                {
                    AnsiConsole.MarkupLine($"[red]error:[/] no table or view named '{Markup.Escape(parts[1])}'; .tables lists them.");
                }
                else
                {
                    ResultTable.Write(columns, console.Options.MaxRows);
                }

                break;
            case ".history":
                foreach (var entry in File.Exists(historyPath) ? File.ReadLines(historyPath).TakeLast(20) : [])
                {
                    AnsiConsole.WriteLine(entry);
                }

                break;
            default:
                AnsiConsole.MarkupLine($"[red]error:[/] unknown command '{Markup.Escape(line)}'. Type .help for the commands.");
                break;
        }

        return true;
    }

    private void Execute(string sql, CancellationToken token)
    {
        try
        {
            output.Run(console, sql, token);
        }
        catch (SqlRefusedException ex)
        {
            AnsiConsole.MarkupLine($"[red]refused:[/] {Markup.Escape(ex.Message)}");
        }
        catch (Exception ex) when (ex is DuckDbException or TimeoutException or InvalidOperationException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
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
            AnsiConsole.MarkupLine($"[grey]History not saved to {Markup.Escape(historyPath)}: {Markup.Escape(ex.Message)}[/]");
        }
    }
}

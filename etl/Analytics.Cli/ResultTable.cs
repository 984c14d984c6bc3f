using System.Globalization;
using Analytics.Snapshots.Pool;
using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>A query result as a Spectre.Console table, with a line saying how many rows and whether a cap cut them.</summary>
internal static class ResultTable
{
    public static void Write(IAnsiConsole console, TableResult result, SqlRunResult run, SqlLimits limits)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in result.Columns)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(column.Name)}\n[grey]{Markup.Escape(column.Type)}[/]"));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(v => v is null ? "[grey]NULL[/]" : Markup.Escape(v)).ToArray());
        }

        if (result.Columns.Count > 0)
        {
            console.Write(table);
        }

        console.MarkupLine(Summary(result, run, limits));
    }

    public static string Summary(TableResult result, SqlRunResult run, SqlLimits limits)
    {
        var rows = result.Rows.Count.ToString("N0", CultureInfo.InvariantCulture);
        var ms = run.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
        var cap = result.Truncation switch
        {
            Truncation.Rows => $"--max-rows {limits.MaxRows.ToString(CultureInfo.InvariantCulture)}",
            _ => $"--max-bytes {SqlMessages.Size(limits.MaxBytes)}",
        };
        var cut = result.CellsCut ? (SqlSession.Chinese ? "（过长的值已截短，以 … 结尾）" : " (long values are shortened, ending in …)") : "";
        return result.Truncation == Truncation.None
            ? $"[grey]{(SqlSession.Chinese ? $"{rows} 行，用时 {ms} 毫秒" : $"{rows} row(s) in {ms} ms")}{Markup.Escape(cut)}[/]"
            : $"[yellow]{Markup.Escape(SqlMessages.Truncated(result.Truncation, result.Rows.Count, cap, SqlSession.Chinese))}[/][grey]{Markup.Escape(cut)} ({ms} ms)[/]";
    }
}

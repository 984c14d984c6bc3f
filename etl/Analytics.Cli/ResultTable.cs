using System.Globalization;
using Analytics.Warehouse.SqlConsole;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>A query result as a Spectre.Console table, with a line saying how many rows and whether the cap cut them.</summary>
internal static class ResultTable
{
    public static void Write(QueryResult result, int maxRows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in result.Columns)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(column.Name)}\n[grey]{Markup.Escape(column.TypeName)}[/]"));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(v => v is null ? "[grey]NULL[/]" : Markup.Escape(ValueText.Format(v))).ToArray());
        }

        if (result.Columns.Count > 0)
        {
            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine(Summary(result, maxRows));
    }

    public static string Summary(QueryResult result, int maxRows)
    {
        var rows = result.Rows.Count.ToString("N0", CultureInfo.InvariantCulture);
        var ms = result.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
        return result.Truncated
            ? $"[yellow]{rows} rows shown — the result has more and was capped at --max-rows {maxRows.ToString(CultureInfo.InvariantCulture)}; narrow the query or raise the cap.[/] [grey]({ms} ms)[/]"
            : $"[grey]{rows} row(s) in {ms} ms[/]";
    }
}

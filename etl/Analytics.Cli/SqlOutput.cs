using System.Text;
using Analytics.Warehouse.SqlConsole;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>How <c>analytics sql</c> prints or saves a result: a table on the console, or CSV/JSON/Parquet.</summary>
internal sealed record SqlOutput(string Format, string? OutPath, TextWriter Output, TextWriter Error)
{
    public static readonly string[] Formats = ["table", "csv", "json", "parquet"];

    /// <summary>The format asked for, else the one --out's extension names, else a table.</summary>
    public static string Choose(string? format, string? outPath)
    {
        if (format is not null)
        {
            return format;
        }

        return Path.GetExtension(outPath ?? "").ToLowerInvariant() switch
        {
            "" when outPath is null => "table",
            ".csv" => "csv",
            ".json" => "json",
            ".parquet" => "parquet",
            _ => throw new CliFailure(ExitCodes.Usage, $"Cannot tell the format of --out '{outPath}' from its extension; add --format csv, json or parquet."),
        };
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="console"/> and writes its result.</summary>
    public void Run(SqlConsole console, string sql, CancellationToken token)
    {
        if (Format == "parquet")
        {
            var rows = console.ExportParquet(sql, OutPath!, token);
            AnsiConsole.MarkupLine($"Wrote {rows:N0} row(s) to [bold]{Markup.Escape(Path.GetFullPath(OutPath!))}[/] (Parquet, zstd).");
            return;
        }

        var result = console.Run(sql, token);
        switch (Format)
        {
            case "table":
                ResultTable.Write(result, console.Options.MaxRows);
                return;
            case "csv" or "json" when OutPath is not null:
                using (var file = new FileStream(Path.GetFullPath(OutPath), FileMode.Create, FileAccess.Write))
                {
                    WriteTo(result, file);
                }

                AnsiConsole.MarkupLine($"Wrote {result.Rows.Count:N0} row(s) to [bold]{Markup.Escape(Path.GetFullPath(OutPath))}[/] ({Format}).");
                break;
            default:
                using (var buffer = new MemoryStream())
                {
                    WriteTo(result, buffer);
                    Output.Write(new UTF8Encoding(false).GetString(buffer.ToArray()));
                    Output.Flush();
                }

                break;
        }

        if (result.Truncated)
        {
            // To stderr, so that piped CSV or JSON stays clean.
            Error.WriteLine($"warning: the result was capped at --max-rows {console.Options.MaxRows}; narrow the query or raise the cap.");
        }
    }

    private void WriteTo(QueryResult result, Stream stream)
    {
        if (Format == "json")
        {
            ResultJson.Write(result, stream);
            stream.WriteByte((byte)'\n');
            return;
        }

        // A BOM in CSV files so that Excel reads the Chinese names as UTF-8; none on standard output (pipes).
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: OutPath is not null), leaveOpen: true);
        ResultCsv.Write(result, writer);
    }
}

using Analytics.Snapshots.Results;
using Analytics.Snapshots.Sql;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>How <c>analytics sql</c> prints or saves a result: a table on the terminal, CSV or JSON on standard output, or a file.</summary>
/// <param name="Format">How the result is written: a table, CSV, JSON, Parquet or Arrow.</param>
/// <param name="OutPath">The file to write the result to; null for standard output.</param>
/// <param name="Console">Standard output: tables and messages; CSV and JSON go to its plain <see cref="Output"/>.</param>
/// <param name="Error">Standard error: warnings that must not mix into a piped result.</param>
internal sealed record SqlOutput(ResultFormat Format, string? OutPath, IAnsiConsole Console, TextWriter Error)
{
    public static readonly string[] Formats = ["table", "csv", "json", "parquet", "arrow"];

    /// <summary>Standard output as plain text, under <see cref="Console"/>.</summary>
    public TextWriter Output => Console.Profile.Out.Writer;

    /// <summary>The format asked for, else the one --out's extension names, else a table.</summary>
    public static ResultFormat Choose(string? format, string? outPath)
    {
        if (format is not null)
        {
            return Enum.Parse<ResultFormat>(format, ignoreCase: true);
        }

        return Path.GetExtension(outPath ?? "").ToLowerInvariant() switch
        {
            "" when outPath is null => ResultFormat.Table,
            ".csv" => ResultFormat.Csv,
            ".json" => ResultFormat.Json,
            ".parquet" => ResultFormat.Parquet,
            ".arrow" or ".arrows" => ResultFormat.Arrow,
            _ => throw new CliFailure(ExitCodes.Usage, $"Cannot tell the format of --out '{outPath}' from its extension; add --format csv, json, parquet or arrow."),
        };
    }

    /// <summary>Copies a UTF-8 result file to <see cref="Output"/> in chunks (a JSON document gets a closing line end).</summary>
    private void CopyText(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            Output.Write(buffer, 0, read);
        }

        if (Format == ResultFormat.Json)
        {
            Output.WriteLine();
        }

        Output.Flush();
    }

    /// <summary>Runs <paramref name="sql"/> in <paramref name="session"/> and writes its result; the problem when it gave none.</summary>
    public SqlProblem? Run(SqlSession session, string sql, CancellationToken token)
    {
        if (Format == ResultFormat.Table && OutPath is null)
        {
            var shown = session.Run(sql, ResultFormat.Table, null, byteOrderMark: false, token);
            if (shown.Table is { } table)
            {
                ResultTable.Write(Console, table, shown, session.Limits);
            }

            return shown.Problem;
        }

        // Files are written beside their target and renamed into place: a failed query never leaves half a file.
        var target = OutPath is null ? null : Path.GetFullPath(OutPath);
        var partial = target is null
            ? session.TemporaryOutput("." + Format.ToString().ToLowerInvariant())
            : Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        if (target is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }

        try
        {
            var result = session.Run(sql, Format, partial, byteOrderMark: target is not null && Format == ResultFormat.Csv, token);
            if (result.Problem is { } problem)
            {
                return problem;
            }

            if (target is not null)
            {
                File.Move(partial, target, overwrite: true);
                Console.MarkupLine($"Wrote {result.Rows:N0} row(s), {Markup.Escape(SqlMessages.Size(result.Bytes))}, to [bold]{Markup.Escape(target)}[/] ({Format.ToString().ToLowerInvariant()}).");
            }
            else
            {
                CopyText(partial);
            }

            if (result.Truncation != Truncation.None)
            {
                // To standard error, so that piped CSV or JSON stays clean.
                var cap = result.Truncation == Truncation.Rows ? $"--max-rows {session.Limits.MaxRows}" : $"--max-bytes {SqlMessages.Size(session.Limits.MaxBytes)}";
                Error.WriteLine("warning: " + SqlMessages.Truncated(result.Truncation, result.Rows, cap, SqlSession.Chinese));
            }

            return null;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}

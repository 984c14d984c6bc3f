using System.Globalization;
using Analytics.Lake;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary><c>analytics load --status</c>: the lake's latest load attempts from <c>lake/_loads/</c>, a dead one shown as killed.</summary>
internal static class LoadStatusReport
{
    public static void Print(IAnsiConsole console, string lakeRoot, int last)
    {
        var layout = new LakeLayout(lakeRoot);
        if (!Directory.Exists(layout.Root))
        {
            throw new CliFailure(ExitCodes.Usage, $"the lake '{layout.Root}' does not exist. Pass the folder 'analytics load' writes with --lake.");
        }

        var records = LoadRecords.All(layout);
        if (records.Count == 0)
        {
            console.MarkupLine($"[grey]No load attempt is recorded in {Markup.Escape(layout.LoadsRoot)}.[/]");
            return;
        }

        var table = new Table().Title($"Loads of {Markup.Escape(layout.Root)} (the last {Math.Min(last, records.Count)} of {records.Count})")
            .AddColumns("started (UTC)", "status", "batch", "files", "rows loaded", "quarantined", "finished (UTC)", "process", "note");
        foreach (var record in records.Skip(Math.Max(0, records.Count - last)))
        {
            var (status, note) = Describe(record);
            table.AddRow(
                record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), status, record.BatchId,
                record.Files.Count.ToString("N0", CultureInfo.CurrentCulture), record.RowsLoaded.ToString("N0", CultureInfo.CurrentCulture),
                record.RowsQuarantined.ToString("N0", CultureInfo.CurrentCulture),
                record.FinishedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                record.Pid is { } pid ? $"{pid} on {Markup.Escape(record.Host ?? "?")}" : "", Markup.Escape(note));
        }

        console.Write(table);
    }

    /// <summary>A record's status as it stands now: a running record whose process is gone is a killed load the next load will mark.</summary>
    private static (string Status, string Note) Describe(BatchManifest record) => record.Status switch
    {
        LoadStatus.Running => LoadRecords.IsProcessAlive(record) switch
        {
            true => ("running", "holds lake/_load.lock"),
            false => ("killed", "its process is gone; the next load marks it killed and removes its staging folder"),
            null => ("running?", "started on another machine; the next load tells"),
        },
        _ => (record.Status, record.Error ?? ""),
    };
}

using System.Globalization;
using Analytics.Etl.Validation;
using Analytics.Lake;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>The end-of-load summary: rows per feed, then quarantined rows by rule with what each rule means.</summary>
internal static class LoadSummary
{
    public static void Print(IAnsiConsole console, BatchManifest manifest)
    {
        if (manifest.KilledAttempts is { Count: > 0 } killed)
        {
            console.MarkupLine($"[yellow]{killed.Count} earlier load(s) never finished — their process died (killed, or the machine stopped): " +
                $"marked killed in {Markup.Escape(string.Join(", ", killed))} (lake/_loads/). Nothing of theirs was left half-published.[/]");
        }

        if (manifest.StagingRemoved is { Count: > 0 } removed)
        {
            console.MarkupLine($"[grey]Removed {removed.Count} staging folder(s) dead loads left in lake/_staging/: {Markup.Escape(string.Join(", ", removed))}.[/]");
        }

        if (manifest.Files.Count == 0)
        {
            console.MarkupLine("[grey]Every landed file is already in the lake; nothing changed.[/]");
            return;
        }

        var feeds = new Table().Title($"Load — batch {manifest.BatchId}: {manifest.Status}")
            .AddColumns("feed", "files", "rows read", "loaded", "quarantined", "blank lines");
        foreach (var group in manifest.Files.GroupBy(f => f.Feed).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            feeds.AddRow(group.Key, group.Count().ToString("N0", CultureInfo.CurrentCulture), group.Sum(f => f.RowsRead).ToString("N0", CultureInfo.CurrentCulture),
                group.Sum(f => f.RowsLoaded).ToString("N0", CultureInfo.CurrentCulture), group.Sum(f => f.RowsQuarantined).ToString("N0", CultureInfo.CurrentCulture),
                group.Sum(f => f.RowsSkippedBlank).ToString("N0", CultureInfo.CurrentCulture));
        }

        feeds.AddRow("[bold]all[/]", manifest.Files.Count.ToString("N0", CultureInfo.CurrentCulture), $"[bold]{manifest.RowsRead:N0}[/]",
            $"[bold]{manifest.RowsLoaded:N0}[/]", $"[bold]{manifest.RowsQuarantined:N0}[/]", manifest.Files.Sum(f => f.RowsSkippedBlank).ToString("N0", CultureInfo.CurrentCulture));
        console.Write(feeds);
        foreach (var empty in manifest.Files.Where(f => f.EmptyDelivery))
        {
            console.MarkupLine($"[grey]{Markup.Escape(empty.File)} ({empty.Feed}): empty delivery — a header and no data rows; nothing loaded from it.[/]");
        }

        var notes = manifest.Files.SelectMany(f => f.NotesByKind)
            .GroupBy(n => n.Key)
            .Select(g => (Kind: g.Key, Rows: g.Sum(n => n.Value)))
            .OrderByDescending(n => n.Rows)
            .ToList();
        if (notes.Count > 0)
        {
            var noted = new Table().Title("Values changed by normalisation (noted in the lake's notes column)").AddColumns("note", "values");
            foreach (var (kind, rows) in notes)
            {
                noted.AddRow(kind, rows.ToString("N0", CultureInfo.CurrentCulture));
            }

            console.Write(noted);
        }

        var rules = manifest.Files.SelectMany(f => f.QuarantinedByRule)
            .GroupBy(r => r.Key)
            .Select(g => (Rule: g.Key, Rows: g.Sum(r => r.Value)))
            .OrderByDescending(r => r.Rows)
            .ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Quarantined rows by rule").AddColumns("rule", "rows", "meaning");
        foreach (var (rule, rows) in rules)
        {
            var meaning = RuleIds.Descriptions.TryGetValue(rule, out var text) ? text : "";
            table.AddRow(rule, rows.ToString("N0", CultureInfo.CurrentCulture), Markup.Escape(meaning));
        }

        console.Write(table);
        console.MarkupLine("[grey]Every quarantined row, with its file, row number, raw text and message, is in the lake's quarantine Parquet.[/]");
    }
}

using Analytics.Lake;
using Analytics.Warehouse;
using Analytics.Catalog;
using Analytics.Warehouse.Snapshots;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>The build step as <c>build</c>, <c>refresh</c> and <c>demo</c> run it: build a snapshot from the lake, publish it, print a summary.</summary>
internal static class BuildStep
{
    /// <param name="context">The run's console and warehouse builder.</param>
    /// <param name="lakeRoot">The lake folder the snapshot is built from.</param>
    /// <param name="snapshotsRoot">The snapshot folder it is published into.</param>
    /// <param name="options">How many snapshots to keep, and the build's memory and thread limits.</param>
    /// <param name="token">Stops the build.</param>
    /// <param name="targetRevisions">The target versions recorded after the plan; null for the snapshot folder's <c>target-revisions.jsonl</c>.</param>
    /// <param name="full">Build every table from the lake, copying none from the current snapshot even when its inputs are unchanged.</param>
    public static SnapshotInfo Run(
        CliContext context, string lakeRoot, string snapshotsRoot, SnapshotStoreOptions options, CancellationToken token, string? targetRevisions = null, bool full = false)
    {
        var lake = new LakeLayout(lakeRoot);
        if (!Directory.Exists(lake.Root))
        {
            throw new CliFailure(ExitCodes.Usage,
                $"the lake '{lake.Root}' does not exist, so there is nothing to build from. Pass the folder 'analytics load' writes with --lake, or run 'analytics load' (or 'analytics demo') first.");
        }

        if (!lake.PublishedBatches().Any())
        {
            throw new CliFailure(ExitCodes.Usage,
                $"The lake '{lake.Root}' holds no published batch (no load=<id> folder), so there is nothing to build from. Run 'analytics load' (or 'analytics demo') first, or pass the lake with --lake.");
        }

        var store = new SnapshotStore(snapshotsRoot, options);
        var inputs = new BuildInputs(lake.Root, targetRevisions ?? TargetRevisionLog.ForSnapshots(snapshotsRoot).Path)
        {
            Previous = full ? null : store.Current?.Path,
        };
        BuildSpace.Check(lake, store);
        var notes = new List<string>();
        SnapshotInfo? info = null;
        StepProgress.Run(context.Console, $"Building a warehouse snapshot from {lake.Root}", 0, status =>
        {
            var progress = new SynchronousProgress(line =>
            {
                status.Say("Building: " + line);
                if (line.StartsWith("Pruned", StringComparison.Ordinal) || line.StartsWith("Kept", StringComparison.Ordinal))
                {
                    notes.Add(line);
                }
            });
            info = store.Publish(connection => context.Builder(connection, inputs, progress, token), progress, token);
            status.Say($"Published snapshot {info.Name}");
        });

        Print(context.Console, info!, notes);
        return info!;
    }

    private static void Print(IAnsiConsole console, SnapshotInfo info, IReadOnlyList<string> notes)
    {
        var table = new Table().Title($"Build — snapshot {Markup.Escape(info.Name)}").AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, rows) in info.TableRows.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (info.Feeds.Count > 0)
        {
            // Every lake row accounted for: in its fact, or dropped for a reason that is counted.
            var feeds = new Table().Title("From the lake to the facts").AddColumn("feed").AddColumn(new TableColumn("lake rows").RightAligned())
                .AddColumn("fact").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("not carried over");
            foreach (var feed in info.Feeds)
            {
                var dropped = new List<string>();
                if (feed.Superseded > 0)
                {
                    dropped.Add($"{N(feed.Superseded)} re-delivered by a later batch (the newest wins)");
                }

                if (feed.Folded > 0)
                {
                    dropped.Add($"{N(feed.Folded)} earlier snapshots within a year (the year's last is kept)");
                }

                if (feed.WithoutKey > 0)
                {
                    dropped.Add($"{N(feed.WithoutKey)} without their key");
                }

                feeds.AddRow(Markup.Escape(feed.Feed), N(feed.LakeRows), Markup.Escape(feed.Fact), N(feed.FactRows), dropped.Count == 0 ? "none" : Markup.Escape(string.Join("; ", dropped)));
            }

            console.Write(feeds);
        }

        if (info.DataTests.Count > 0)
        {
            // As dbt prints them: one line per test, then the tally.
            foreach (var test in info.DataTests)
            {
                console.MarkupLine(test.HeldFrom is { } held
                    ? $"[green]PASS[/] {Markup.Escape(test.Name)} [grey](held: passed in {Markup.Escape(held)}, same inputs)[/]"
                    : $"[green]PASS[/] {Markup.Escape(test.Name)} [grey]({test.Elapsed.TotalMilliseconds:F0} ms)[/]");
            }

            var standing = info.DataTests.Count(t => t.HeldFrom is not null);
            console.MarkupLine($"Data tests: {info.DataTests.Count} passed in {info.DataTests.Sum(t => t.Elapsed.TotalSeconds):F1} s" +
                (standing > 0 ? $" ({standing} on inputs unchanged since the snapshot that passed them, not run again)." : "."));
        }

        var copied = info.Tables.Where(t => t.CopiedFrom is not null).ToList();
        if (copied.Count > 0)
        {
            console.MarkupLine($"Copied {copied.Count} table(s) from {Markup.Escape(copied[0].CopiedFrom!)}, whose inputs are unchanged " +
                $"({copied.Sum(t => t.Seconds):F1} s): {Markup.Escape(string.Join(", ", copied.Select(t => t.Table)))}. 'analytics build --full' builds every table from the lake.");
        }

        console.MarkupLine($"Snapshot: [bold]{Markup.Escape(info.Path)}[/] (current; open it read-only in any DuckDB 1.5 client, or with 'analytics sql').");
        console.MarkupLine($"Lineage: {info.BatchIds.Count} lake batch(es): {Markup.Escape(string.Join(", ", info.BatchIds))}.");
        if (info.ExportFolder is not null)
        {
            console.MarkupLine($"Marts as Parquet: {Markup.Escape(info.ExportFolder)} ({info.Exports.Count} file(s)).");
        }

        foreach (var note in notes)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }
    }

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reports on the calling thread, in order with the progress display.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

using System.CommandLine;
using System.Globalization;
using Analytics.Catalog;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// <c>analytics targets</c>: the targets indicators are judged against, as versions — the plan's, and the revisions an
/// administrator recorded (here or on the dashboard's admin page). A revision applies from the next build.
/// </summary>
internal static class TargetsCommand
{
    public static Command Create(CliContext context)
    {
        var snapshots = new Option<string>("--snapshots") { Description = "The snapshot folder whose target-revisions.jsonl holds the recorded versions.", DefaultValueFactory = _ => new DataPaths(DataPaths.DefaultRoot).Snapshots, Recursive = true };
        var file = new Option<string?>("--targets") { Description = "The revisions file itself (default <snapshots>/target-revisions.jsonl).", Recursive = true };
        var indicator = new Argument<string>("indicator") { Description = "The indicator id, e.g. YY-POLING." };

        var list = new Command("list", "The targets in force: every indicator's highest version, who recorded it, when, and from which document.");
        list.SetAction(parse => Run(parse, snapshots, file, log =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("indicator", "version", "targets", "recorded by", "recorded (UTC)", "source document");
            foreach (var v in log.AllVersions().GroupBy(v => v.IndicatorId).Select(g => g.MaxBy(v => v.Version)!))
            {
                table.AddRow(v.IndicatorId, V(v.Version), Markup.Escape(Rows(v)), Markup.Escape(v.RecordedBy), At(v.RecordedAt), Markup.Escape(v.SourceDocument));
            }

            context.Console.Write(table);
        }));

        var history = new Command("history", "Every version of one indicator's targets, oldest first.") { indicator };
        history.SetAction(parse => Run(parse, snapshots, file, log =>
        {
            var versions = log.AllVersions().Where(v => v.IndicatorId == parse.GetValue(indicator)).ToList();
            if (versions.Count == 0)
            {
                throw new TargetRevisionException($"'{parse.GetValue(indicator)}' has no targets (is it an indicator of the catalog?).");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("version", "targets", "recorded by", "recorded (UTC)", "source document", "reason");
            foreach (var v in versions)
            {
                table.AddRow(V(v.Version), Markup.Escape(Rows(v)), Markup.Escape(v.RecordedBy), At(v.RecordedAt), Markup.Escape(v.SourceDocument), Markup.Escape(v.Reason ?? ""));
            }

            context.Console.Write(table);
        }));

        var year = new Option<int>("--year") { Description = "The target year of the row to set (added if the version has none for it).", Required = true };
        var value = new Option<double>("--value") { Description = "The new target (a share as 0.45 for 45%, a doubling as 2).", Required = true };
        var scope = new Option<string>("--scope") { Description = "city, every_cell or a district code.", DefaultValueFactory = _ => "city" };
        var comparator = new Option<string?>("--comparator") { Description = ">= (reach) or > (exceed); default: the row's current one, else >=." };
        var baseline = new Option<int?>("--baseline-year") { Description = "The baseline year of a new row (a row being changed keeps its own)." };
        var source = new Option<string>("--source") { Description = "The document that revised the target (its number and section).", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why, in a sentence." };
        var note = new Option<string?>("--note") { Description = "The revising document's wording (a changed row drops the plan's old wording unless given)." };
        var by = new Option<string>("--by") { Description = "Who records it (default: the login name, as <name>@cli).", DefaultValueFactory = _ => Environment.UserName + "@cli" };
        var set = new Command("set", "Record a new version of an indicator's targets with one row changed or added; applies from the next build.")
        {
            indicator, year, value, scope, comparator, baseline, source, reason, note, by,
        };
        set.SetAction(parse => Run(parse, snapshots, file, log =>
        {
            var id = parse.GetValue(indicator)!;
            var current = log.AllVersions().Where(v => v.IndicatorId == id).MaxBy(v => v.Version);
            var rows = current?.Rows.ToList() ?? [];
            var at = rows.FindIndex(r => r.Scope == parse.GetValue(scope) && r.TargetYear == parse.GetValue(year));
            var old = at >= 0 ? rows[at] : null;
            var row = new TargetRow(parse.GetValue(scope)!, old?.BaselineYear ?? parse.GetValue(baseline), parse.GetValue(year), parse.GetValue(value),
                parse.GetValue(comparator) ?? old?.Comparator ?? ">=",
                parse.GetValue(note) ?? (old is not null && old.Value == parse.GetValue(value) ? old.Note : null));
            if (at >= 0)
            {
                rows[at] = row;
            }
            else
            {
                rows.Add(row);
            }

            var recorded = log.Record(id, rows, parse.GetValue(source)!, parse.GetValue(by)!, parse.GetValue(reason), current?.Version ?? 0);
            context.Console.MarkupLine($"Recorded [bold]{Markup.Escape(id)}[/] targets version {recorded.Version} in {Markup.Escape(log.Path)}; it applies from the next 'analytics build'.");
        }));

        return new Command("targets", "The targets indicators are judged against, as versions: list, history, set (a revision, applied from the next build).")
        {
            snapshots, file, list, history, set,
        };
    }

    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static string At(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(the plan)";

    private static string Rows(TargetVersion v) => string.Join("; ", v.Rows.Select(r =>
        $"{r.Scope} {r.TargetYear}: {r.Comparator} {r.Value.ToString("G", CultureInfo.InvariantCulture)}{(r.BaselineYear is { } b ? $" from {b}" : "")}"));

    private static int Run(ParseResult parse, Option<string> snapshots, Option<string?> file, Action<TargetRevisionLog> body) => CommandRunner.Run(parse, () =>
    {
        var log = parse.GetValue(file) is { } f ? new TargetRevisionLog(f) : TargetRevisionLog.ForSnapshots(Path.GetFullPath(parse.GetValue(snapshots)!));
        try
        {
            body(log);
            return ExitCodes.Ok;
        }
        catch (TargetRevisionException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            throw new CliFailure(ExitCodes.InputRefused, ex.Message);
        }
    });
}

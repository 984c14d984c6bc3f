using System.CommandLine;
using Analytics.Notebooks.Api;
using Analytics.Notebooks.Running;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// <c>analytics notebook run &lt;file&gt;</c>: run a policy-review notebook headless against a warehouse snapshot and
/// write the executed notebook, its charts (SVG, PNG), an HTML report and optionally a PDF brief.
/// </summary>
internal static class NotebookCommand
{
    /// <summary>A cell failed (did not compile or threw); nothing was written.</summary>
    public const int CellFailed = ExitCodes.NotebookCellFailed;

    public static Command Create(CliContext context)
    {
        var run = new Command("run", "Run a notebook's C# cells in order against a snapshot; write <out>/<notebook>[-<param values>]/ with the executed .ipynb, charts/*.svg|png, <notebook>.html and (--pdf) <notebook>.pdf — all or nothing. Exit code 6: a cell failed (its number and error are printed) and nothing was written.");
        var file = new Argument<string>("file") { Description = "The notebook (.ipynb), e.g. notebooks/cq2013-review.ipynb." };
        var parameters = new Option<string[]>("--param") { Description = "A notebook parameter as name=value (repeatable), e.g. --param district=500120.", AllowMultipleArgumentsPerToken = false };
        var snapshot = new Option<string>("--snapshot") { Description = "The snapshot: a .duckdb file or a snapshot folder with current.json (default: $ANALYTICS_SNAPSHOT, else data/demo/snapshots).", DefaultValueFactory = _ => DefaultSnapshot() };
        var output = new Option<string>("--out") { Description = "Folder under which the run's folder is written (default: data/notebooks in the repository).", DefaultValueFactory = _ => DefaultOutput() };
        var pdf = new Option<bool>("--pdf") { Description = "Also print the report to an A4 PDF brief (page numbers, data as-of date, indicator definitions)." };
        run.Arguments.Add(file);
        run.Options.Add(parameters);
        run.Options.Add(snapshot);
        run.Options.Add(output);
        run.Options.Add(pdf);
        run.SetAction(async (parse, token) =>
        {
            try
            {
                var result = await NotebookRunner.RunAsync(new NotebookRunOptions
                {
                    NotebookPath = parse.GetValue(file)!,
                    SnapshotPath = parse.GetValue(snapshot)!,
                    OutputRoot = parse.GetValue(output)!,
                    Parameters = NotebookParameters.Parse(parse.GetValue(parameters) ?? []),
                    Pdf = parse.GetValue(pdf),
                    Progress = new ConsoleProgress(context.Console),
                }, token).ConfigureAwait(false);
                context.Console.MarkupLine($"Ran {result.CodeCells} code cells; wrote [bold]{Markup.Escape(result.OutputFolder)}[/]:");
                foreach (var path in new[] { result.Notebook, result.Html, result.Pdf }.OfType<string>())
                {
                    context.Console.MarkupLine($"  {Markup.Escape(path)}");
                }

                context.Console.MarkupLine($"  {result.Charts.Count / 2} charts in {Markup.Escape(Path.Combine(result.OutputFolder, "charts"))} (SVG and PNG)");
                return ExitCodes.Ok;
            }
            catch (NotebookCellException ex)
            {
                return CommandRunner.Fail(parse, CellFailed, ex.Message + " Nothing was written.");
            }
            catch (NotebookParameterException ex)
            {
                return CommandRunner.Fail(parse, ExitCodes.Usage, ex.Message);
            }
            catch (OperationCanceledException)
            {
                return CommandRunner.Fail(parse, ExitCodes.Cancelled, "cancelled. Nothing was written.");
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Data.Common.DbException or Analytics.Snapshots.SnapshotNotFoundException)
            {
                return CommandRunner.Fail(parse, ExitCodes.Usage, ex.Message);
            }
        });

        return new Command("notebook", "Policy-review notebooks (.ipynb with C# cells): run them headless into reports.") { run };
    }

    private static string DefaultSnapshot() =>
        Environment.GetEnvironmentVariable("ANALYTICS_SNAPSHOT") is { Length: > 0 } configured
            ? configured
            : new DataPaths(DataPaths.DefaultRoot).Snapshots;

    private static string DefaultOutput() =>
        Path.Combine(DataPaths.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "data", "notebooks");

    /// <summary>Prints each step as it happens (<see cref="Progress{T}"/> would post lines out of order to the thread pool).</summary>
    private sealed class ConsoleProgress(IAnsiConsole console) : IProgress<string>
    {
        public void Report(string value) => console.MarkupLine($"[grey]{Markup.Escape(value)}[/]");
    }
}

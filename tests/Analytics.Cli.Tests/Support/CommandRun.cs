using Analytics.Warehouse;
using Spectre.Console;

namespace Analytics.Cli.Tests.Support;

/// <summary>What one run of the <c>analytics</c> command gave: its exit code, standard output and standard error.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Errors)
{
    /// <summary>
    /// Runs <paramref name="args"/> in-process with a console, stderr, stdin and builder of the run's own, so runs
    /// share nothing and tests run in parallel. The console is a log's: no colour, no live redraws, 400 columns.
    /// </summary>
    public static async Task<CommandRun> InvokeAsync(string[] args, WarehouseBuilderFunc? builder = null, string input = "")
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            // Not the CI's or terminal's settings: the same console wherever the tests run.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = 400;
        var context = new CliContext
        {
            Console = console,
            Error = errors,
            Input = new StringReader(input),
            Builder = builder ?? WarehouseBuilder.Build,
        };
        var code = await AnalyticsCommand.InvokeAsync(args, context);
        return new CommandRun(code, output.ToString(), errors.ToString());
    }
}

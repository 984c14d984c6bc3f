using Analytics.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // A log file or a pipe: no colour codes, no live redraws (StepProgress prints plain lines), and lines wide
    // enough that paths and tables are not wrapped.
    console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    console.Profile.Width = 200;
}

return await AnalyticsCommand.InvokeAsync(args, new CliContext { Console = console, Error = Console.Error, Input = Console.In });

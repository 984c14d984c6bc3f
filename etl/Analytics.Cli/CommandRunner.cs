using Analytics.Etl.Reading;
using Analytics.Etl.Sources;
using Analytics.Lake;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>Runs a command's body and turns what went wrong into a message and an exit code scripts can rely on.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled. Nothing was published by the step that was running.[/]");
            return ExitCodes.Cancelled;
        }
        catch (SourcesConfigException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (LoadRefusedException ex)
        {
            return Fail(ExitCodes.InputRefused, ex.Message);
        }
        catch (ExtractRefusedException ex)
        {
            return Fail(ExitCodes.InputRefused, ex.Message);
        }
        catch (RowConservationException ex)
        {
            return Fail(ExitCodes.RowsDoNotAddUp, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(ExitCodes.Unexpected, ex.Message);
        }
    }

    private static int Fail(int code, string message)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}

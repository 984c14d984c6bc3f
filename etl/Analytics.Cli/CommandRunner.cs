using System.CommandLine;
using Analytics.Etl.Reading;
using Analytics.Etl.Sources;
using Analytics.Lake;

namespace Analytics.Cli;

/// <summary>
/// Runs a command's body and turns what went wrong into a message on stderr and an exit code scripts can rely on.
/// stdout carries only what a command produces (tables, summaries, query results), so a refusal never mixes into them.
/// </summary>
internal static class CommandRunner
{
    public static int Run(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            return Fail(parse, ExitCodes.Cancelled, "cancelled. Nothing was published by the step that was running.");
        }
        catch (CliFailure ex)
        {
            return Fail(parse, ex.ExitCode, ex.Message);
        }
        catch (SourcesConfigException ex)
        {
            return Fail(parse, ExitCodes.Usage, ex.Message);
        }
        catch (LoadRefusedException ex)
        {
            return Fail(parse, ExitCodes.InputRefused, ex.Message);
        }
        catch (ExtractRefusedException ex)
        {
            return Fail(parse, ExitCodes.InputRefused, ex.Message);
        }
        catch (RowConservationException ex)
        {
            return Fail(parse, ExitCodes.RowsDoNotAddUp, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(parse, ExitCodes.Unexpected, ex.Message);
        }
    }

    /// <summary>Writes <c>error: message</c> to the invocation's stderr (its <see cref="CliContext.Error"/>).</summary>
    public static int Fail(ParseResult parse, int code, string message)
    {
        // Plain text: stderr is usually a log or a pipe, and markup would wrap long paths at the console's width.
        parse.InvocationConfiguration.Error.WriteLine($"error: {message}");
        return code;
    }
}

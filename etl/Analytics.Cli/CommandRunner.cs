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
        catch (LakeBusyException ex)
        {
            return Fail(parse, ExitCodes.LakeBusy, ex.Message);
        }
        catch (Exception ex) when (StorageFailure.IsDiskFull(ex))
        {
            // Any layer: .NET's IOException (ENOSPC), DuckDB's "IO Error: … No space left on device", wrapped or not.
            return Fail(parse, ExitCodes.NoSpace,
                $"no space left on the disk: {OneLine(ex.Message)} Nothing was published: a load leaves the lake as it was, a build leaves the " +
                "previous snapshot current. Free space on that disk (or pass a folder on another one), then run the command again.");
        }
        catch (Exception ex) when (StorageFailure.IsPermissionDenied(ex))
        {
            return Fail(parse, ExitCodes.PermissionDenied,
                $"permission denied: {OneLine(ex.Message)} Nothing was published. Give the account running analytics ({Environment.UserName}) " +
                "read and write access to that folder, or run the command as the account that owns it.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(parse, ExitCodes.Unexpected, ex.Message);
        }
    }

    /// <summary>The message on one line, ending with a full stop, so the advice that follows reads as its own sentence.</summary>
    private static string OneLine(string message)
    {
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.EndsWith('.') ? line : line + ".";
    }

    /// <summary>Writes <c>error: message</c> to the invocation's stderr (its <see cref="CliContext.Error"/>).</summary>
    public static int Fail(ParseResult parse, int code, string message)
    {
        // Plain text: stderr is usually a log or a pipe, and markup would wrap long paths at the console's width.
        parse.InvocationConfiguration.Error.WriteLine($"error: {message}");
        return code;
    }
}

using Analytics.DuckDb;
using Analytics.Snapshots;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>Turns the warehouse's errors (build, snapshots) into a message and an exit code, around <see cref="CommandRunner"/>.</summary>
internal static class WarehouseErrors
{
    /// <summary>Runs <paramref name="body"/>; <paramref name="duckDbFailure"/> is the exit code of a DuckDB error (a failed build).</summary>
    public static int Run(Func<int> body, int duckDbFailure = ExitCodes.Unexpected, string duckDbContext = "") => CommandRunner.Run(() =>
    {
        try
        {
            return body();
        }
        catch (CliFailure ex)
        {
            return Fail(ex.ExitCode, ex.Message);
        }
        catch (SnapshotNotFoundException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (DuckDbException ex)
        {
            return Fail(duckDbFailure, duckDbContext + ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return Fail(ExitCodes.Unexpected, ex.Message);
        }
        catch (Analytics.Warehouse.Building.DataTestsFailedException ex)
        {
            return Fail(ExitCodes.DataTestsFailed, ex.Message);
        }
    });

    public static int Fail(int code, string message)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}

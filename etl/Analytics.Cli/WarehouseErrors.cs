using System.CommandLine;
using Analytics.DuckDb;
using Analytics.Lake;
using Analytics.Snapshots;

namespace Analytics.Cli;

/// <summary>Turns the warehouse's errors (build, snapshots) into a message and an exit code, around <see cref="CommandRunner"/>.</summary>
internal static class WarehouseErrors
{
    /// <summary>Runs <paramref name="body"/>; <paramref name="duckDbFailure"/> is the exit code of a DuckDB error (a failed build).</summary>
    public static int Run(ParseResult parse, Func<int> body, int duckDbFailure = ExitCodes.Unexpected, string duckDbContext = "") => CommandRunner.Run(parse, () =>
    {
        try
        {
            return body();
        }
        catch (SnapshotNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message);
        }
        catch (DuckDbException ex) when (!StorageFailure.IsDiskFull(ex) && !StorageFailure.IsPermissionDenied(ex))
        {
            // A full disk or a refused permission is not the build's or the query's fault: CommandRunner says so with its own code.
            throw new CliFailure(duckDbFailure, duckDbContext + ex.Message);
        }
        catch (InvalidDataException ex)
        {
            throw new CliFailure(ExitCodes.Unexpected, ex.Message);
        }
        catch (Analytics.Warehouse.Building.DataTestsFailedException ex)
        {
            throw new CliFailure(ExitCodes.DataTestsFailed, ex.Message);
        }
    });
}

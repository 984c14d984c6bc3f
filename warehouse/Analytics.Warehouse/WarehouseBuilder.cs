using Analytics.DuckDb;
using Analytics.Warehouse.Building;
using Analytics.Warehouse.Disclosure;
using Analytics.Warehouse.Indicators;

namespace Analytics.Warehouse;

/// <summary>
/// Builds the warehouse — star schema, indicator catalog, indicator marts — into an open, empty DuckDB database from
/// the lake's published batches.
/// </summary>
/// <remarks>
/// Steps: the reference and catalog CSVs become raw tables; each lake feed becomes a view
/// (<c>Sql/lake/*.sql</c>); the numbered files <c>Sql/NN_*.sql</c> below 50 build dimensions and facts; the indicator
/// engine runs each catalogued indicator's SQL; the files from 50 on build the marts, drop the build's scaffolding and
/// comment every table and column; right after the indicator mart, the disclosure step adds the complementary
/// suppressions (<see cref="SuppressionStep"/>). The data tests (<see cref="DataTests"/>) run on the facts before the
/// lake views are dropped and on the finished warehouse; a failure fails the build.
/// </remarks>
public static class WarehouseBuilder
{
    /// <summary>The first step number that runs after the indicator engine.</summary>
    private const int MartStepsFrom = 50;

    /// <summary>The step that builds <c>mart_indicator</c>, after which the disclosure step runs.</summary>
    private const int IndicatorMartStep = 60;

    /// <summary>Builds every table and view into <paramref name="connection"/>'s database from the lake at <paramref name="lakeRoot"/>.</summary>
    /// <param name="connection">An open connection to an empty database.</param>
    /// <param name="lakeRoot">The lake folder (holding <c>load=*</c> batches).</param>
    /// <param name="progress">Receives a line per step.</param>
    /// <param name="cancellationToken">Interrupts the running statement and stops the build.</param>
    /// <returns>The batches read (from <c>build_lineage</c>) and the rows of each table.</returns>
    public static BuildResult Build(
        DuckDbConnection connection, string lakeRoot, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Build(connection, new BuildInputs(lakeRoot), progress, cancellationToken);

    /// <summary>Builds every table and view into <paramref name="connection"/>'s database from <paramref name="inputs"/>.</summary>
    /// <param name="connection">An open connection to an empty database.</param>
    /// <param name="inputs">The lake, and the target versions recorded after the plan.</param>
    /// <param name="progress">Receives a line per step.</param>
    /// <param name="cancellationToken">Interrupts the running statement and stops the build.</param>
    /// <returns>The batches read (from <c>build_lineage</c>) and the rows of each table.</returns>
    public static BuildResult Build(
        DuckDbConnection connection, BuildInputs inputs, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputs.LakeRoot);
        var lakeRoot = inputs.LakeRoot;

        progress?.Report("reference data and catalog");
        var targets = inputs.TargetRevisions is { } log ? new Analytics.Catalog.TargetRevisionLog(log).AllVersions() : Analytics.Catalog.TargetCatalog.Versions;
        CatalogLoader.Load(connection, targets);

        foreach (var script in LakeSources.ScriptsFor(lakeRoot))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(script);
            SqlScript.Run(connection, script, lakeRoot, cancellationToken);
        }

        var steps = EmbeddedFiles.SqlSteps();
        foreach (var step in steps.Where(s => StepNumber(s) < MartStepsFrom))
        {
            RunStep(connection, step, lakeRoot, progress, cancellationToken);
        }

        progress?.Report("data tests: lake to facts");
        var tested = DataTests.Run(connection, DataTests.Conservation, cancellationToken);
        IndicatorEngine.Run(connection, progress, cancellationToken);

        foreach (var step in steps.Where(s => StepNumber(s) >= MartStepsFrom))
        {
            RunStep(connection, step, lakeRoot, progress, cancellationToken);
            if (StepNumber(step) == IndicatorMartStep)
            {
                progress?.Report("disclosure: complementary suppression");
                SuppressionStep.Apply(connection, cancellationToken);
            }
        }

        PublicViewComments.Copy(connection);
        progress?.Report("data tests: the warehouse");
        tested.AddRange(DataTests.Run(connection, DataTests.Final, cancellationToken));
        DataTests.ThrowIfFailed(tested);
        return BuildSummary.Read(connection) with { DataTests = tested };
    }

    private static void RunStep(DuckDbConnection connection, string step, string lakeRoot, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(step);
        SqlScript.Run(connection, step, lakeRoot, cancellationToken);
    }

    private static int StepNumber(string step)
    {
        var digits = step.TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length == 0
            ? throw new InvalidOperationException($"SQL step '{step}' must start with its number, e.g. 05_{step}.")
            : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}

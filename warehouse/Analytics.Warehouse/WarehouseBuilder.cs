using Analytics.DuckDb;
using Analytics.Warehouse.Building;

namespace Analytics.Warehouse;

/// <summary>
/// Builds the warehouse — star schema, indicator catalog, indicator marts — into an open, empty DuckDB database from
/// the lake's published batches, by running <see cref="BuildPlan.Steps"/> in order (docs/warehouse-models.md).
/// </summary>
public static class WarehouseBuilder
{
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

        var context = new BuildContext(connection, inputs, cancellationToken) { Progress = progress };
        foreach (var step in BuildPlan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(step.Name);
            switch (step)
            {
                case ModelStep model:
                    ModelRunner.Run(connection, SqlModel.Parse(model.Path, EmbeddedFiles.Sql(model.Path)), cancellationToken);
                    break;
                case CodeStep code:
                    code.Run(context);
                    break;
            }
        }

        return BuildSummary.Read(connection) with { DataTests = context.DataTests, Feeds = FeedRows.Read(connection) };
    }
}

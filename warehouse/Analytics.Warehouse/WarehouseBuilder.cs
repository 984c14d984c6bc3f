using System.Diagnostics;
using Analytics.DuckDb;
using Analytics.Warehouse.Building;

namespace Analytics.Warehouse;

/// <summary>
/// Builds the warehouse — star schema, indicator catalog, indicator marts — into an open, empty DuckDB database from
/// the lake's published batches, by running <see cref="BuildPlan.Steps"/> in order (docs/warehouse-models.md). A table
/// whose inputs are unchanged since <see cref="BuildInputs.Previous"/> is copied from it instead (<see cref="ReusePlan"/>).
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

        var steps = BuildPlan.Steps;
        var models = BuildPlan.Models().ToDictionary(m => m.Path, StringComparer.Ordinal);
        using var previous = PreviousSnapshot.Attach(connection, inputs.Previous, progress);
        var context = new BuildContext(connection, inputs, cancellationToken) { Progress = progress, Previous = previous };
        ReusePlan? plan = null;
        IReadOnlyDictionary<string, double> copied = new Dictionary<string, double>();
        var tables = new List<BuiltTable>();
        for (var i = 0; i < steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = steps[i];
            if (plan is null && step is ModelStep)
            {
                // The code steps that open the build (catalog, lake) have run: fingerprint everything, copy what is unchanged.
                (plan, copied) = Reuse(context, previous, models);
                context.Plan = plan;
            }

            var action = plan?.ActionOf(i) ?? StepAction.Run;
            var started = Stopwatch.GetTimestamp();
            if (action == StepAction.Run)
            {
                progress?.Report(step.Name);
                switch (step)
                {
                    case ModelStep model:
                        ModelRunner.Run(connection, models[model.Path], cancellationToken);
                        break;
                    case CodeStep code:
                        code.Run(context);
                        break;
                }
            }

            if (step is ModelStep made && models[made.Path] is { Materialized: Materialization.Table } table)
            {
                tables.Add(action == StepAction.Copy
                    ? new BuiltTable(table.Name, plan!.Fingerprints[table.Name], previous!.Name, copied[table.Name])
                    : new BuiltTable(table.Name, plan?.Fingerprints.GetValueOrDefault(table.Name), null, Stopwatch.GetElapsedTime(started).TotalSeconds));
            }
        }

        BuildSteps.Write(connection, tables, context.DataTests);
        return BuildSummary.Read(connection) with { DataTests = context.DataTests, Feeds = FeedRows.Read(connection), Tables = tables };
    }

    /// <summary>Fingerprints the build and copies the unchanged tables from <paramref name="previous"/>; the plan says what is left to run.</summary>
    private static (ReusePlan Plan, IReadOnlyDictionary<string, double> Copied) Reuse(
        BuildContext context, PreviousSnapshot? previous, Dictionary<string, SqlModel> models)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in BuildPlan.Steps.OfType<CodeStep>().Where(c => c.Fingerprints is not null))
        {
            foreach (var (name, fingerprint) in code.Fingerprints!(context, fingerprints))
            {
                fingerprints[name] = fingerprint;
            }
        }

        var plan = ReusePlan.Create(BuildPlan.Steps, ModelGraph.Nodes(), fingerprints, previous?.Fingerprints ?? new Dictionary<string, string>());
        var copies = plan.Copies(BuildPlan.Steps).Select(p => models[p]).ToList();
        if (previous is null || copies.Count == 0)
        {
            return (plan, new Dictionary<string, double>());
        }

        var copied = previous.TryCopy(copies.Select(m => m.Name).ToList(), context.Progress, context.CancellationToken);
        if (copied is null)
        {
            // Something is wrong with the previous snapshot: trust none of it, its data tests' passes included.
            context.Previous = null;
            return (plan.RunEverything(), new Dictionary<string, double>());
        }

        foreach (var model in copies)
        {
            ModelRunner.Document(context.Connection, model, context.CancellationToken);
        }

        return (plan, copied);
    }
}

using Analytics.DuckDb;
using Analytics.Warehouse.Disclosure;
using Analytics.Warehouse.Indicators;

namespace Analytics.Warehouse.Building;

/// <summary>What a build step works with: the connection, the inputs, the data-test results so far.</summary>
internal sealed class BuildContext(DuckDbConnection connection, BuildInputs inputs, CancellationToken cancellationToken)
{
    /// <summary>The open connection to the warehouse being built.</summary>
    public DuckDbConnection Connection { get; } = connection;

    /// <summary>The lake and target versions.</summary>
    public BuildInputs Inputs { get; } = inputs;

    /// <summary>Interrupts the running statement and stops the build.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Receives a line per step (and per indicator).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Every data test run so far.</summary>
    public List<DataTestResult> DataTests { get; } = [];

    /// <summary>What the build may reuse; null until the plan is made.</summary>
    public ReusePlan? Plan { get; set; }

    /// <summary>The snapshot the build reuses tables and data tests from; null when none (or when copying from it failed).</summary>
    public PreviousSnapshot? Previous { get; set; }

    /// <summary>
    /// Runs <paramref name="tests"/> and fails the build at once when one fails (later steps would build on bad data). A
    /// test the previous snapshot's build passed on the same inputs is not run again: it stands, marked as held.
    /// </summary>
    public void Test(IEnumerable<DataTest> tests)
    {
        foreach (var test in tests)
        {
            var fingerprint = Plan?.FingerprintOf(test);
            DataTests.Add(fingerprint is not null && Previous is { } previous && previous.Tests.GetValueOrDefault(test.Name) == fingerprint
                ? new DataTestResult(test.Name, 0, null, TimeSpan.Zero) { HeldFrom = previous.Name, InputsSha256 = fingerprint }
                : Building.DataTests.Run(Connection, [test], CancellationToken)[0] with { InputsSha256 = fingerprint });
        }

        Building.DataTests.ThrowIfFailed(DataTests);
    }
}

/// <summary>A step of the build: a model file under <c>Sql/</c>, or code.</summary>
/// <param name="Name">What the build's progress prints.</param>
internal abstract record BuildStep(string Name);

/// <summary>A model: <c>Sql/&lt;Path&gt;</c> makes the table or view named after the file.</summary>
/// <param name="Path">The path under <c>Sql/</c>.</param>
internal sealed record ModelStep(string Path) : BuildStep(Path);

/// <summary>A step in code.</summary>
/// <param name="Name">What the build's progress prints.</param>
/// <param name="Makes">The objects it makes (or changes), for the model graph.</param>
/// <param name="Reads">The objects it reads, for the model graph.</param>
/// <param name="Run">The step.</param>
internal sealed record CodeStep(string Name, IReadOnlyList<string> Makes, IReadOnlyList<string> Reads, Action<BuildContext> Run) : BuildStep(Name)
{
    /// <summary>
    /// Fingerprints of what the step makes, given those of the code steps before it; an object a code step makes without
    /// one is made afresh by every build, and so is everything that reads it (<see cref="ReusePlan"/>). They are taken
    /// when the plan is made, after the code steps that open the build and before the first model: a code step after
    /// that (staging) must fingerprint its objects from what it reads, not from having run.
    /// </summary>
    public Func<BuildContext, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? Fingerprints { get; init; }
}

/// <summary>
/// The build, in order: from the catalog and the lake through staging and intermediate models to the marts, with the
/// steps in code where SQL is not the tool (loading the catalog, generating the lake and staging views from the
/// feeds' definitions, running each indicator's SQL, complementary suppression, the data tests). Every model reads
/// only what an earlier step made (checked by the tests, drawn in docs/warehouse-models.md). The build's temporary
/// objects (raw catalog tables, lake and staging views, intermediate models) vanish with its connection, so nothing
/// needs cleaning up and the published warehouse holds only the tables and views of the marts.
/// </summary>
internal static class BuildPlan
{
    /// <summary>The steps, in the order they run.</summary>
    public static IReadOnlyList<BuildStep> Steps { get; } =
    [
        // Sources: the catalog and reference data as raw text tables, the lake as views.
        new CodeStep("reference data and catalog", CatalogLoader.TableNames, [], c => CatalogLoader.Load(c.Connection, c.Inputs.Targets()))
        {
            Fingerprints = (c, _) => InputFingerprints.Content(c.Connection, CatalogLoader.TableNames),
        },
        new CodeStep("lake", LakeSources.ViewNames, [], c => LakeSources.Create(c.Connection, c.Inputs.LakeRoot, c.CancellationToken))
        {
            Fingerprints = (c, _) => InputFingerprints.Lake(c.Inputs.LakeRoot),
        },
        new ModelStep("marts/build_lineage.sql"),

        // Staging: one row per business key of each feed (generated from the feed contracts' keys).
        new CodeStep("staging", StagingViews.ViewNames, [.. Analytics.Etl.Contracts.FeedContracts.All.Select(f => LakeSources.ViewOf(f.Kind)), "build_lineage"], c => StagingViews.Create(c.Connection, c.CancellationToken))
        {
            Fingerprints = (_, known) => InputFingerprints.Staging(known),
        },

        // Dimensions and reference tables.
        new ModelStep("marts/dim_plan.sql"),
        new ModelStep("marts/plan_year.sql"),
        new ModelStep("marts/dim_year.sql"),
        new ModelStep("marts/dim_district.sql"),
        new ModelStep("marts/dim_industry.sql"),
        new ModelStep("marts/dim_industry_group.sql"),
        new ModelStep("marts/bridge_industry_group_code.sql"),
        new ModelStep("marts/dim_size_class.sql"),
        new ModelStep("marts/ref_size_class_rule.sql"),
        new ModelStep("marts/ref_size_class_rule_scope.sql"),
        new ModelStep("marts/dim_recognition_type.sql"),

        // Enterprises: year-end snapshots, size classes, the plans' attribution, history.
        new ModelStep("intermediate/int_enterprise_snapshot.sql"),
        new ModelStep("intermediate/int_enterprise_size_rule.sql"),
        new ModelStep("marts/fact_enterprise_year.sql"),
        new ModelStep("marts/enterprise_plan_year.sql"),
        new ModelStep("marts/dim_enterprise.sql"),

        // Facts of the other feeds.
        new ModelStep("marts/fact_recognition.sql"),
        new ModelStep("marts/fact_patent.sql"),
        new ModelStep("marts/bridge_patent_applicant.sql"),
        new ModelStep("marts/fact_rd_spend.sql"),
        new ModelStep("marts/fact_survey_response.sql"),
        new CodeStep("data tests: lake to facts", [], DataTests.ConservationReads, c => c.Test(DataTests.Conservation)),

        // The catalog and its targets.
        new ModelStep("marts/indicator_catalog.sql"),
        new ModelStep("marts/indicator_target.sql"),
        new ModelStep("marts/indicator_target_current.sql"),
        new CodeStep("data tests: the catalog", [], ["indicator_catalog"], c => c.Test(DataTests.Catalog)),

        // The shared rules the indicators filter: where units count, recognitions held or granted, SMEs' survey and R&D rows.
        new ModelStep("intermediate/int_unit_place.sql"),
        new ModelStep("intermediate/int_recognition_held_at_year_end.sql"),
        new ModelStep("intermediate/int_recognition_granted_since_plan_start.sql"),
        new ModelStep("intermediate/int_survey_sme_response.sql"),
        new ModelStep("intermediate/int_rd_spend_sme.sql"),

        // Each catalogued indicator's SQL (Sql/indicators/) adds its rows to indicator_contribution.
        new ModelStep("marts/indicator_contribution.sql"),
        new CodeStep("indicators", ["indicator_contribution"], IndicatorEngine.Reads, c => IndicatorEngine.Run(c.Connection, c.Progress, c.CancellationToken)),

        // Roll-up, values, targets, status: the indicator mart.
        new ModelStep("intermediate/int_indicator_cell.sql"),
        new ModelStep("intermediate/int_indicator_grid.sql"),
        new ModelStep("marts/mart_indicator_coverage.sql"),
        new ModelStep("intermediate/int_indicator_value.sql"),
        new ModelStep("intermediate/int_baseline_sme.sql"),
        new ModelStep("marts/mart_indicator.sql"),
        new CodeStep("disclosure: complementary suppression", ["mart_indicator"], ["mart_indicator", "indicator_catalog"], c => SuppressionStep.Apply(c.Connection, c.CancellationToken)),
        new ModelStep("marts/mart_indicator_public.sql"),

        // Lists and data quality.
        new ModelStep("marts/mart_plan_district.sql"),
        new ModelStep("marts/mart_plan_industry_group.sql"),
        new ModelStep("marts/mart_quarantine_summary.sql"),
        new ModelStep("marts/mart_freshness.sql"),
        new CodeStep("data tests: the warehouse", [], [], c => c.Test(DataTests.Final)),
    ];

    /// <summary>Every model, parsed.</summary>
    public static IReadOnlyList<SqlModel> Models() =>
        Steps.OfType<ModelStep>().Select(s => SqlModel.Parse(s.Path, EmbeddedFiles.Sql(s.Path))).ToList();
}

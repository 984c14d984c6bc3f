using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.DuckDb;
using Analytics.Etl.Contracts;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The data tests every build runs (docs/data-tests.md): grains unique, keys present, codes found in their dimensions,
/// rows conserved from the lake to the facts, every table and column documented. Any failure fails the build with the
/// failing tests, their row counts and an example row; the results go into the build summary either way.
/// </summary>
internal static class DataTests
{
    /// <summary>The feeds whose staged rows become their fact one for one (the registry becomes one row per enterprise and year).</summary>
    private static (FeedKind Feed, string Fact)[] OneForOne => FeedRows.FactOf.Where(f => f.Feed != FeedKind.Registry).ToArray();

    /// <summary>
    /// Rules on the lake and the facts: each fact keeps one row per business key delivered — the feed contract's key,
    /// the one staging deduplicates on — so a key delivered twice keeps its latest version and no row is lost.
    /// </summary>
    public static readonly IReadOnlyList<DataTest> Conservation = OneForOne
        .Select(f => Conserved(f.Fact, FeedContracts.For(f.Feed))).ToList();

    /// <summary>What the conservation tests read, for the model graph.</summary>
    public static IReadOnlyList<string> ConservationReads { get; } =
        [.. OneForOne.Select(f => LakeSources.ViewOf(f.Feed)), .. OneForOne.Select(f => f.Fact)];

    /// <summary>
    /// Rules on the catalog (Analytics.Catalog/indicators.csv), before any indicator runs: disclosure is a promise to
    /// the enterprises behind the numbers, every reader formats numbers by the catalog row
    /// (Analytics.Snapshots/Formatting/IndicatorFormat.cs), and an apportioned target carries the cell's own baseline
    /// value (mart_indicator), which a withheld cell of a confidential indicator must not give away.
    /// </summary>
    public static readonly IReadOnlyList<DataTest> Catalog =
    [
        new("catalog: disclosure is public or confidential (Analytics.Catalog/indicators.csv)",
            "SELECT indicator_id, disclosure FROM indicator_catalog WHERE disclosure IS NULL OR disclosure NOT IN ('public', 'confidential')"),
        new("catalog: value_format is count, percent, ratio or amount with decimals 0-4 (Analytics.Catalog/indicators.csv)",
            "SELECT indicator_id, value_format, decimals FROM indicator_catalog WHERE value_format IS NULL OR value_format NOT IN ('count', 'percent', 'ratio', 'amount') OR decimals IS NULL OR decimals NOT BETWEEN 0 AND 4"),
        new("catalog: apportion is empty or sme_share (Analytics.Catalog/indicators.csv)",
            "SELECT indicator_id, apportion FROM indicator_catalog WHERE apportion IS NOT NULL AND apportion <> 'sme_share'"),
        new("catalog: apportion = sme_share only for public counts (kind count, cumulative_count or zero_breakthrough)",
            "SELECT indicator_id, kind, disclosure FROM indicator_catalog WHERE apportion = 'sme_share' AND (kind NOT IN ('count', 'cumulative_count', 'zero_breakthrough') OR disclosure <> 'public')"),
    ];

    /// <summary>Rules on the finished warehouse.</summary>
    public static readonly IReadOnlyList<DataTest> Final = Build();

    private static List<DataTest> Build()
    {
        (string Table, string[] Key)[] grains =
        [
            ("mart_indicator", ["indicator_id", "year", "district_code", "industry_group", "size_class"]),
            ("indicator_catalog", ["indicator_id"]),
            ("dim_plan", ["plan"]),
            ("dim_district", ["district_code"]),
            ("dim_industry_group", ["plan", "group_code"]),
            ("dim_enterprise", ["enterprise_key"]),
            ("fact_enterprise_year", ["credit_code", "year"]),
            ("fact_patent", ["application_no"]),
            ("fact_rd_spend", ["credit_code", "year"]),
            ("fact_survey_response", ["credit_code", "survey_year"]),
            ("enterprise_plan_year", ["plan", "year", "credit_code"]),
        ];
        var tests = new List<DataTest>();
        foreach (var (table, key) in grains)
        {
            tests.Add(DataTest.Unique(table, key));
            tests.AddRange(key.Select(column => DataTest.NotNull(table, column)));
        }

        tests.Add(DataTest.NotNull("mart_indicator", "plan"));
        string[] contributionKey = ["indicator_id", "year", "district_code", "industry_group", "size_class", "unit_id"];
        tests.AddRange(contributionKey.Select(column => DataTest.NotNull("indicator_contribution", column)));
        tests.Add(DataTest.InDimension("mart_indicator", "indicator_id", "indicator_catalog", "indicator_id"));
        tests.Add(DataTest.InDimension("mart_indicator", "district_code", "dim_district", "district_code"));
        tests.Add(DataTest.InDimension("mart_indicator", "industry_group", "dim_industry_group", "group_code", "plan"));
        tests.Add(DataTest.InDimension("mart_indicator", "size_class", "dim_size_class", "size_class"));
        tests.Add(DataTest.InDimension("mart_indicator", "plan", "dim_plan", "plan"));
        tests.Add(new DataTest(
            "documented: every table and view has a comment",
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary AND comment IS NULL " +
            "UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary AND comment IS NULL"));
        tests.Add(new DataTest(
            "documented: every column has a comment",
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND comment IS NULL"));
        return tests;
    }

    /// <summary>The fact has exactly one row per distinct keyed row of its lake feed: no row lost, none doubled.</summary>
    private static DataTest Conserved(string fact, FeedContract contract)
    {
        var lake = LakeSources.ViewOf(contract.Kind);
        var key = string.Join(", ", StagingViews.Key(contract));
        return new(
            $"conserved {lake} → {fact} (one row per {key})",
            $"SELECT * FROM (SELECT (SELECT count(*) FROM (SELECT DISTINCT {key} FROM {lake} r WHERE {StagingViews.Keyed(contract, "r")})) AS keys_delivered, " +
            $"(SELECT count(*) FROM {fact}) AS fact_rows) WHERE keys_delivered <> fact_rows") { Reads = [lake, fact] };
    }

    /// <summary>Runs <paramref name="tests"/>, returning every result; throws nothing (see <see cref="ThrowIfFailed"/>).</summary>
    public static List<DataTestResult> Run(DuckDbConnection connection, IEnumerable<DataTest> tests, CancellationToken cancellationToken)
    {
        var results = new List<DataTestResult>();
        foreach (var test in tests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            long failures = 0;
            string? example = null;
            using (var command = connection.CreateCommand(test.Failing))
            using (var reader = command.ExecuteReaderAsync(cancellationToken).GetAwaiter().GetResult())
            {
                while (reader.Read())
                {
                    failures++;
                    example ??= Describe(reader);
                }
            }

            results.Add(new DataTestResult(test.Name, failures, example, clock.Elapsed));
        }

        return results;
    }

    /// <summary>Fails the build when a test failed.</summary>
    public static void ThrowIfFailed(IReadOnlyList<DataTestResult> results)
    {
        if (results.Any(r => !r.Passed))
        {
            throw new DataTestsFailedException(results);
        }
    }

    private static string Describe(System.Data.Common.DbDataReader reader)
    {
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(reader.GetName(i)).Append('=')
                .Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}

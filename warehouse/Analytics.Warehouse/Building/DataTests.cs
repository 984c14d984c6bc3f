using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>
/// The data tests every build runs (docs/data-tests.md): grains unique, keys present, codes found in their dimensions,
/// rows conserved from the lake to the facts, every table and column documented. Any failure fails the build with the
/// failing tests, their row counts and an example row; the results go into the build summary either way.
/// </summary>
internal static class DataTests
{
    /// <summary>Rules on the lake and the facts, run before the build's scaffolding (the lake views) is dropped.</summary>
    public static readonly IReadOnlyList<DataTest> Conservation =
    [
        // Each fact keeps one row per business key delivered; a key delivered twice keeps its latest version (staging).
        Conserved("fact_patent", "lake_patents", "application_no"),
        Conserved("fact_rd_spend", "lake_rd_spend", "credit_code, year"),
        Conserved("fact_survey_response", "lake_survey", "credit_code, survey_year"),
        // The lake's key (RecognitionsContract): a person certified at two employers on one day holds two certificates.
        Conserved("fact_recognition", "lake_recognitions", "credit_code, person_id, recognition_type, granted_on", "coalesce(person_id, credit_code) IS NOT NULL"),
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

    /// <summary>The fact has exactly one row per distinct non-null key of its lake feed: no row lost, none doubled.</summary>
    private static DataTest Conserved(string fact, string lake, string key, string? keyed = null) => new(
        $"conserved {lake} → {fact} (one row per {key})",
        $"SELECT * FROM (SELECT (SELECT count(*) FROM (SELECT DISTINCT {key} FROM {lake} WHERE {keyed ?? key.Split(',')[0].Trim() + " IS NOT NULL"})) AS keys_delivered, " +
        $"(SELECT count(*) FROM {fact}) AS fact_rows) WHERE keys_delivered <> fact_rows");

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

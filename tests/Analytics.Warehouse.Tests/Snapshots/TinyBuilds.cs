using Analytics.DuckDb;
using Analytics.Snapshots;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Warehouse.Tests.Snapshots;

/// <summary>Small stand-ins for the warehouse builder: a dimension, a mart with comments, and builders that fail.</summary>
internal static class TinyBuilds
{
    /// <summary>Builds <c>dim_district</c> (3 rows) and <c>mart_indicator</c> (<paramref name="rows"/> rows with the readers' contract columns (MartContract), in no particular order, whose value is <paramref name="marker"/>).</summary>
    public static Func<DuckDbConnection, BuildResult> Marts(int marker, int rows = 100, params string[] batches) => connection =>
    {
        Execute(connection, $"""
            CREATE TABLE dim_district AS SELECT * FROM (VALUES ('500101', '万州区'), ('500103', '渝中区'), ('430602', '岳阳楼区')) v(district_code, district_name_zh);
            COMMENT ON TABLE dim_district IS 'Districts 区县';
            COMMENT ON COLUMN dim_district.district_code IS 'GB/T 2260 code';
            CREATE TABLE mart_indicator AS SELECT 'YY2020-01' AS indicator_id, 'YY2020' AS plan, 2018 + (range % 5)::INTEGER AS year, ['500101', '500103', '430602'][1 + (range // 5 % 3)::INTEGER] AS district_code, NULL::VARCHAR AS district_name_zh, 'ALL' AS industry_group, 'ALL' AS size_class, {marker} AS value,
                NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::BIGINT AS sample_size, NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::INTEGER AS baseline_year, NULL::DOUBLE AS baseline_value, NULL::DOUBLE AS ratio,
                NULL::DOUBLE AS target_value, NULL::INTEGER AS target_year, NULL::VARCHAR AS comparator, NULL::DOUBLE AS attainment, NULL::DOUBLE AS trajectory_value, NULL::VARCHAR AS status, NULL::BIGINT AS enterprise_count, false AS small_cell,
                NULL::VARCHAR AS target_basis, NULL::DOUBLE AS target_share
            FROM range({rows});
            COMMENT ON TABLE mart_indicator IS 'Indicator values 指标';
            COMMENT ON COLUMN mart_indicator.value IS 'The indicator value';
            CREATE VIEW mart_latest AS SELECT * FROM mart_indicator WHERE year = 2022;
            """);
        return new BuildResult(batches.Length == 0 ? ["batch-a"] : batches, new Dictionary<string, long> { ["dim_district"] = 3, ["mart_indicator"] = rows });
    };

    /// <summary>Creates a table, then throws as a builder that hit a bad row would.</summary>
    public static BuildResult Crashing(DuckDbConnection connection)
    {
        Execute(connection, "CREATE TABLE mart_indicator AS SELECT range AS value FROM range(1000)");
        throw new InvalidDataException("simulated crash half-way through the build");
    }

    public static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand(sql);
        return command.ExecuteScalar();
    }

    /// <summary>Reads one value from a snapshot file with a fresh read-only connection.</summary>
    public static object? ScalarFrom(string snapshot, string sql)
    {
        using var connection = SnapshotConnections.OpenReadOnly(snapshot);
        return Scalar(connection, sql);
    }
}


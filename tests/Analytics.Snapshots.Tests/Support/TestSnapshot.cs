using Analytics.DuckDb;
using Analytics.TestSupport;
using Analytics.Warehouse;
using Analytics.Warehouse.Snapshots;

namespace Analytics.Snapshots.Tests.Support;

/// <summary>
/// A small snapshot published the way <c>analytics build</c> publishes one (<see cref="SnapshotStore"/>): a mart with
/// the readers' contract columns, 500 rows, a dimension with Chinese names, and comments.
/// </summary>
/// <remarks>
/// Hand-written because the tests count exact rows and bytes (<see cref="MartRows"/>); its tables are created from the
/// product snapshot's shapes (<see cref="RealShape"/>) and filled by column name, so they cannot drift from the real ones.
/// </remarks>
internal static class TestSnapshot
{
    public const int MartRows = 500;

    /// <summary>Publishes the snapshot into <paramref name="folder"/>; returns its file.</summary>
    public static string Publish(string folder) => new SnapshotStore(folder).Publish(connection =>
    {
        RealShape.CreateEmpty(connection, "dim_district", "mart_indicator");
        using var command = connection.CreateCommand($"""
            INSERT INTO dim_district BY NAME SELECT * FROM (VALUES ('500101', '万州区'), ('500103', '渝中区'), ('430602', '岳阳楼区')) v(district_code, name_zh);
            COMMENT ON TABLE dim_district IS 'Districts 区县';
            INSERT INTO mart_indicator BY NAME SELECT
                ['CQ-TECH-SME', 'YY-POLING'][1 + (range % 2)::INTEGER] AS indicator_id, ['CQ2013', 'YY2020'][1 + (range % 2)::INTEGER] AS plan,
                2018 + (range % 5)::INTEGER AS year, ['500101', '500103', '430602'][1 + (range // 5 % 3)::INTEGER] AS district_code, NULL::VARCHAR AS district_name_zh,
                'ALL' AS industry_group, 'ALL' AS size_class, range::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::BIGINT AS sample_size,
                NULL::DOUBLE AS ci_low, NULL::DOUBLE AS ci_high, NULL::INTEGER AS baseline_year, NULL::DOUBLE AS baseline_value, NULL::DOUBLE AS ratio, 100.0::DOUBLE AS target_value,
                2022 AS target_year, '>=' AS comparator, NULL::DOUBLE AS attainment, NULL::DOUBLE AS trajectory_value, 'on_track' AS status, 10::BIGINT AS enterprise_count, false AS small_cell,
                'plan' AS target_basis, NULL::DOUBLE AS target_share
            FROM range({MartRows});
            COMMENT ON TABLE mart_indicator IS 'Indicator values 指标';
            COMMENT ON COLUMN mart_indicator.value IS 'The indicator value';
            """);
        command.ExecuteNonQuery();
        return new BuildResult(["batch-a"], new Dictionary<string, long> { ["dim_district"] = 3, ["mart_indicator"] = MartRows });
    }).Path;

    /// <summary>A value read from <paramref name="snapshot"/> by a trusted reader.</summary>
    public static object? Scalar(string snapshot, string sql)
    {
        using var connection = SnapshotConnections.OpenReadOnly(snapshot);
        using var command = connection.CreateCommand(sql);
        return command.ExecuteScalar();
    }

    /// <summary>An in-memory DuckDB, for the statement check (it only parses).</summary>
    public static DuckDbConnection Parser()
    {
        var connection = new DuckDbConnection("Data Source=:memory:;threads=1");
        connection.Open();
        return connection;
    }
}

using Analytics.DuckDb;

namespace Analytics.Warehouse.Snapshots;

/// <summary>
/// Writes a build's lineage into the snapshot itself, so that any DuckDB client holding the file can see where it
/// came from: <c>snapshot_info</c> (one row) and <c>snapshot_lineage</c> (one row per lake load batch read).
/// </summary>
internal static class SnapshotLineage
{
    public const string InfoTable = "snapshot_info";

    public const string LineageTable = "snapshot_lineage";

    private const string CreateSql = """
        CREATE OR REPLACE TABLE snapshot_info (snapshot VARCHAR NOT NULL, built_at_utc TIMESTAMP NOT NULL, engine_version VARCHAR NOT NULL, batch_count INTEGER NOT NULL);
        COMMENT ON TABLE snapshot_info IS 'This warehouse snapshot: its name, when its build started (UTC) and the DuckDB version that wrote it. 本快照的名称与构建时间。';
        COMMENT ON COLUMN snapshot_info.snapshot IS 'Snapshot name, warehouse-<UTC yyyyMMddTHHmmssfff>-<id>; the file is <snapshot>.duckdb.';
        COMMENT ON COLUMN snapshot_info.built_at_utc IS 'When the build started, UTC.';
        COMMENT ON COLUMN snapshot_info.engine_version IS 'DuckDB version that wrote the file.';
        COMMENT ON COLUMN snapshot_info.batch_count IS 'Number of lake load batches the build read (rows of snapshot_lineage).';
        CREATE OR REPLACE TABLE snapshot_lineage (batch_order INTEGER NOT NULL, batch_id VARCHAR NOT NULL);
        COMMENT ON TABLE snapshot_lineage IS 'Lineage: the lake load batches (lake/load=<batch_id>/) this snapshot was built from, in the order read. 数据血缘：构建所用的数据湖批次。';
        COMMENT ON COLUMN snapshot_lineage.batch_order IS 'Position of the batch in the build''s reading order, from 1.';
        COMMENT ON COLUMN snapshot_lineage.batch_id IS 'Lake load batch id; its manifest is lake/load=<batch_id>/manifest.json.';
        """;

    public static void Write(DuckDbConnection connection, string snapshot, DateTimeOffset builtAt, IReadOnlyList<string> batchIds)
    {
        using (var create = connection.CreateCommand(CreateSql))
        {
            create.ExecuteNonQuery();
        }

        using (var info = connection.CreateCommand("INSERT INTO snapshot_info VALUES ($snapshot, $built, $engine, $count)"))
        {
            info.Parameters.Add("snapshot", snapshot);
            info.Parameters.Add("built", builtAt.UtcDateTime);
            info.Parameters.Add("engine", DuckDbEngine.Version);
            info.Parameters.Add("count", batchIds.Count);
            info.ExecuteNonQuery();
        }

        for (var i = 0; i < batchIds.Count; i++)
        {
            using var batch = connection.CreateCommand("INSERT INTO snapshot_lineage VALUES ($order, $batch)");
            batch.Parameters.Add("order", i + 1);
            batch.Parameters.Add("batch", batchIds[i]);
            batch.ExecuteNonQuery();
        }
    }
}

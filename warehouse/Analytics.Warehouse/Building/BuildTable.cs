using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>How the build made one table of the snapshot.</summary>
/// <param name="Table">The table.</param>
/// <param name="InputsSha256">The fingerprint of its inputs (<see cref="ReusePlan"/>); null when it is made afresh by every build.</param>
/// <param name="CopiedFrom">The snapshot it was copied from, or null when it was built.</param>
/// <param name="Seconds">How long making (or copying) it took.</param>
public sealed record BuiltTable(string Table, string? InputsSha256, string? CopiedFrom, double Seconds);

/// <summary>
/// <c>build_table</c>: one row per table a model makes, saying whether it was built or copied from the previous
/// snapshot, with the fingerprint of its inputs, which the next build compares to decide whether it may copy it.
/// </summary>
internal static class BuildTable
{
    /// <summary>The table's name.</summary>
    public const string Name = "build_table";

    private const string CreateSql = """
        CREATE TABLE build_table (table_name VARCHAR NOT NULL, inputs_sha256 VARCHAR, copied_from VARCHAR, seconds DOUBLE NOT NULL);
        COMMENT ON TABLE build_table IS 'How this build made each table of the star schema and marts: built from the lake, or copied from the previous snapshot because its inputs were the same. 各表由数据湖构建或从上一快照复制。';
        COMMENT ON COLUMN build_table.table_name IS 'The table (a model under warehouse/Analytics.Warehouse/Sql/).';
        COMMENT ON COLUMN build_table.inputs_sha256 IS 'SHA-256 of everything the table is made from: its model file and, recursively, what it reads, down to the lake files and catalog rows; NULL when it is made afresh by every build (the indicators and what follows them). A later build copies the table when this is unchanged.';
        COMMENT ON COLUMN build_table.copied_from IS 'The snapshot the table was copied from, or NULL when this build made it.';
        COMMENT ON COLUMN build_table.seconds IS 'How long making or copying the table took, in seconds.';
        """;

    /// <summary>Writes <paramref name="tables"/> as <c>build_table</c>.</summary>
    public static void Write(DuckDbConnection connection, IReadOnlyList<BuiltTable> tables)
    {
        using (var create = connection.CreateCommand(CreateSql))
        {
            create.ExecuteNonQuery();
        }

        foreach (var table in tables)
        {
            using var insert = connection.CreateCommand("INSERT INTO build_table VALUES ($table, $inputs, $copied, $seconds)");
            insert.Parameters.Add("table", table.Table);
            insert.Parameters.Add("inputs", table.InputsSha256);
            insert.Parameters.Add("copied", table.CopiedFrom);
            insert.Parameters.Add("seconds", table.Seconds);
            insert.ExecuteNonQuery();
        }
    }
}

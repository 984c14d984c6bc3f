using Analytics.DuckDb;

namespace Analytics.Warehouse.Building;

/// <summary>How the build made one table of the snapshot.</summary>
/// <param name="Table">The table.</param>
/// <param name="InputsSha256">The fingerprint of its inputs (<see cref="ReusePlan"/>); null when it is made afresh by every build.</param>
/// <param name="CopiedFrom">The snapshot it was copied from, or null when it was built.</param>
/// <param name="Seconds">How long making (or copying) it took.</param>
public sealed record BuiltTable(string Table, string? InputsSha256, string? CopiedFrom, double Seconds);

/// <summary>
/// <c>build_step</c>: one row per table a model makes and per data test, saying whether this build made (ran) it or
/// reused the previous snapshot's, with the fingerprint of its inputs, which the next build compares to decide whether
/// it may reuse it in turn.
/// </summary>
internal static class BuildSteps
{
    /// <summary>The table's name.</summary>
    public const string Name = "build_step";

    /// <summary>The kind of a table's row.</summary>
    public const string Table = "table";

    /// <summary>The kind of a data test's row.</summary>
    public const string DataTest = "data test";

    private const string CreateSql = """
        CREATE TABLE build_step (step VARCHAR NOT NULL, kind VARCHAR NOT NULL, inputs_sha256 VARCHAR, reused_from VARCHAR, seconds DOUBLE NOT NULL);
        COMMENT ON TABLE build_step IS 'How this build made each table of the star schema and marts and ran each data test: from the lake, or reused from the previous snapshot because the inputs were the same. 各表与数据测试由本次构建完成或沿用上一快照。';
        COMMENT ON COLUMN build_step.step IS 'The table (a model under warehouse/Analytics.Warehouse/Sql/) or the data test (docs/data-tests.md).';
        COMMENT ON COLUMN build_step.kind IS 'table or data test.';
        COMMENT ON COLUMN build_step.inputs_sha256 IS 'SHA-256 of everything the step depends on: its model file or test query and, recursively, what it reads, down to the lake files and catalog rows; NULL when it is made or run afresh by every build (the indicators and what follows them). A later build reuses the step when this is unchanged.';
        COMMENT ON COLUMN build_step.reused_from IS 'The snapshot whose table was copied, or whose build passed the same data test on the same inputs; NULL when this build made the table or ran the test.';
        COMMENT ON COLUMN build_step.seconds IS 'How long making or copying the table, or running the test, took, in seconds (0 for a test not run again).';
        """;

    /// <summary>Writes <paramref name="tables"/> and <paramref name="tests"/> as <c>build_step</c>.</summary>
    public static void Write(DuckDbConnection connection, IReadOnlyList<BuiltTable> tables, IReadOnlyList<DataTestResult> tests)
    {
        using (var create = connection.CreateCommand(CreateSql))
        {
            create.ExecuteNonQuery();
        }

        var rows = tables.Select(t => (t.Table, Table, t.InputsSha256, t.CopiedFrom, t.Seconds))
            .Concat(tests.Select(t => (t.Name, DataTest, t.InputsSha256, t.HeldFrom, t.Elapsed.TotalSeconds)));
        foreach (var (step, kind, inputs, reused, seconds) in rows)
        {
            using var insert = connection.CreateCommand("INSERT INTO build_step VALUES ($step, $kind, $inputs, $reused, $seconds)");
            insert.Parameters.Add("step", step);
            insert.Parameters.Add("kind", kind);
            insert.Parameters.Add("inputs", inputs);
            insert.Parameters.Add("reused", reused);
            insert.Parameters.Add("seconds", seconds);
            insert.ExecuteNonQuery();
        }
    }
}

using Analytics.DuckDb;
using Analytics.Etl.Contracts;
using Analytics.Etl.Sources;
using Analytics.Lake;
using Analytics.TestSupport;
using Analytics.Warehouse.Tests.Support;
using static Analytics.Warehouse.Tests.Support.Fixture;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// <see cref="FixtureLake"/> writes the lake by hand; every table it writes must have the columns, in order and with the
/// DuckDB types, of the lake the product really writes (<see cref="ProductSnapshot.LakeFolder"/>), both read as the
/// warehouse reads them. Otherwise the warehouse tests could pass on a lake no load produces.
/// </summary>
public sealed class FixtureLakeShapeTests
{
    [Fact]
    public void Every_lake_table_the_fixture_writes_has_the_real_lakes_columns_and_types()
    {
        using var lake = new FixtureLake();
        lake.WriteBatch("shape", FirstLoad, Registry(), Recognitions(), Patents(), RdFirstBatch(), Survey(), quarantinedRows: 1);
        var (fixture, real) = (new LakeLayout(lake.Root), new LakeLayout(ProductSnapshot.LakeFolder));
        var tables = FeedContracts.All.Select(c => (Table: c.Kind.ToName(), Fixture: fixture.FeedGlob(c.Kind), Real: real.FeedGlob(c.Kind)))
            .Append(("quarantine", fixture.QuarantineGlob, real.QuarantineGlob));

        var drift = new List<string>();
        foreach (var (table, fixtureGlob, realGlob) in tables)
        {
            var (mine, theirs) = (Describe(fixtureGlob), Describe(realGlob));
            Assert.NotEmpty(mine);
            if (!mine.SequenceEqual(theirs))
            {
                drift.Add($"{table}:\n  fixture: {string.Join(", ", mine)}\n  real:    {string.Join(", ", theirs)}");
            }
        }

        Assert.True(drift.Count == 0, string.Join("\n", drift));
    }

    /// <summary>The columns as <c>name TYPE</c>, as LakeSources reads the files (Hive keys, union by name).</summary>
    private static List<string> Describe(string glob)
    {
        using var connection = new DuckDbConnection();
        connection.Open();
        using var command = connection.CreateCommand(
            $"DESCRIBE SELECT * FROM read_parquet({DuckDbConnection.QuoteLiteral(glob.Replace('\\', '/'))}, hive_partitioning = true, union_by_name = true)");
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        }

        return columns;
    }
}

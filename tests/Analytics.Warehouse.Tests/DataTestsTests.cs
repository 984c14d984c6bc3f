using Analytics.DuckDb;
using Analytics.Warehouse.Building;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// Every build runs its data tests (grains unique, keys present, codes in their dimensions, rows conserved from the
/// lake to the facts, everything documented); each test catches the fault it is for, and a failure fails the build
/// with the test, its row count and an example.
/// </summary>
public sealed class DataTestsTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void The_build_accounts_for_every_lake_row_of_each_feed()
    {
        // The second batch re-delivers Y2's 2022 R&D row: the newest wins, and the build says where the other went.
        var rd = fixture.Result.Feeds.Single(f => f.Feed == "rd_spend");
        Assert.Equal(("fact_rd_spend", 1L), (rd.Fact, rd.Superseded));
        Assert.Equal(["registry", "recognitions", "patents", "rd_spend", "survey"], fixture.Result.Feeds.Select(f => f.Feed));
        Assert.All(fixture.Result.Feeds, f => Assert.Equal(f.LakeRows, f.WithoutKey + f.Superseded + f.Folded + f.FactRows));
    }

    [Fact]
    public void A_build_runs_every_data_test_and_all_pass()
    {
        var names = fixture.Result.DataTests.Select(t => t.Name).ToList();
        Assert.Equal(DataTests.Conservation.Count + DataTests.Catalog.Count + DataTests.Final.Count, names.Count);
        Assert.All(fixture.Result.DataTests, t => Assert.True(t.Passed, $"{t.Name}: {t.Failures} {t.Example}"));
        Assert.Contains("unique mart_indicator (indicator_id, year, district_code, industry_group, size_class)", names);
        Assert.Contains("relationships mart_indicator.district_code → dim_district.district_code", names);
        Assert.Contains("conserved lake_patents → fact_patent (one row per application_no)", names);
        Assert.Contains("documented: every column has a comment", names);
    }

    public static TheoryData<string, string, string> Faults() => new()
    {
        { "duplicate grain", "INSERT INTO mart_indicator SELECT * FROM mart_indicator LIMIT 1", "unique mart_indicator" },
        { "missing key", "UPDATE fact_patent SET application_no = NULL WHERE rowid = (SELECT min(rowid) FROM fact_patent)", "not_null fact_patent.application_no" },
        { "unknown district", "UPDATE mart_indicator SET district_code = '999999' WHERE rowid = (SELECT min(rowid) FROM mart_indicator WHERE district_code <> 'ALL')", "relationships mart_indicator.district_code" },
        { "industry group of the other plan", "UPDATE mart_indicator SET industry_group = 'NOSUCH' WHERE rowid = (SELECT min(rowid) FROM mart_indicator WHERE industry_group <> 'ALL')", "relationships mart_indicator.industry_group" },
        { "undocumented table", "CREATE TABLE scratch AS SELECT 1 AS x; COMMENT ON COLUMN scratch.x IS 'x'", "documented: every table and view has a comment" },
        { "undocumented column", "ALTER TABLE dim_plan ADD COLUMN extra INTEGER", "documented: every column has a comment" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_test_catches_its_fault_with_a_count_and_an_example(string fault, string sql, string test)
    {
        using var copy = Copy();
        using (var command = copy.CreateCommand(sql))
        {
            command.ExecuteNonQuery();
        }

        var results = DataTests.Run(copy, DataTests.Final, CancellationToken.None);
        var failed = results.Where(r => !r.Passed).ToList();
        var hit = Assert.Single(failed);
        Assert.StartsWith(test, hit.Name, StringComparison.Ordinal);
        Assert.True(hit.Failures >= 1, fault);
        Assert.False(string.IsNullOrEmpty(hit.Example), fault);
        var ex = Assert.Throws<DataTestsFailedException>(() => DataTests.ThrowIfFailed(results));
        Assert.Contains("FAIL " + hit.Name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was published", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_row_lost_between_the_lake_and_the_facts_is_caught()
    {
        using var copy = Copy();
        using (var lake = copy.CreateCommand("CREATE TEMP VIEW lake_patents AS SELECT application_no FROM fact_patent UNION ALL SELECT 'CN-LOST-1'"))
        {
            lake.ExecuteNonQuery();
        }

        var results = DataTests.Run(copy, DataTests.Conservation.Where(t => t.Name.Contains("lake_patents", StringComparison.Ordinal)), CancellationToken.None);
        var result = Assert.Single(results);
        Assert.False(result.Passed);
        Assert.Contains("keys_delivered=", result.Example, StringComparison.Ordinal);
    }

    /// <summary>An in-memory copy of the fixture's warehouse, to break.</summary>
    private DuckDbConnection Copy()
    {
        var copy = new DuckDbConnection();
        copy.Open();
        var path = Path.Combine(Path.GetTempPath(), $"datatests-{Guid.NewGuid():N}.duckdb");
        using (var export = fixture.Connection.CreateCommand($"ATTACH '{path}' AS copy; COPY FROM DATABASE memory TO copy; DETACH copy"))
        {
            export.ExecuteNonQuery();
        }

        using (var attach = copy.CreateCommand($"ATTACH '{path}' AS src; COPY FROM DATABASE src TO memory; DETACH src"))
        {
            attach.ExecuteNonQuery();
        }

        File.Delete(path);
        return copy;
    }
}

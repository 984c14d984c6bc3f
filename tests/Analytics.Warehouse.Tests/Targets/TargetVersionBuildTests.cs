using Analytics.DuckDb;
using Analytics.Catalog;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Targets;

/// <summary>A build judges against the highest target version, the plan's or a recorded one, and says which.</summary>
public sealed class TargetVersionBuildTests : IDisposable
{
    private readonly FixtureLake _lake = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("target-build-").FullName;

    public TargetVersionBuildTests()
    {
        _lake.WriteBatch("t1", Fixture.FirstLoad, Fixture.Registry(), Fixture.Recognitions(), Fixture.Patents(), Fixture.RdFirstBatch(),
            Fixture.Survey(), quarantinedRows: 2);
    }

    public void Dispose()
    {
        _lake.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_recorded_version_is_what_the_cells_are_judged_against_and_the_mart_names_it()
    {
        var log = TargetRevisionLog.ForSnapshots(_dir);
        log.Record("YY-POLING", [new("city", null, 2020, 50, ">=", null), new("city", null, 2021, 50, ">=", null), new("city", null, 2022, 1000, ">=", null)],
            "岳阳市工信局 调整通知 第2条", "admin", "中期调整", basedOn: 1);

        using var before = Build(null);
        using var after = Build(log.Path);

        var plan = Db.Cell(before, "YY-POLING", 2022);
        var revised = Db.Cell(after, "YY-POLING", 2022);
        Assert.Equal(50, Db.Number(plan["target_value"]));
        Assert.Equal(1, Convert.ToInt32(plan["target_version"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1000, Db.Number(revised["target_value"]));
        Assert.Equal(2, Convert.ToInt32(revised["target_version"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("off_track", revised["status"]);
        Assert.Equal(plan["value"], revised["value"]);

        var current = Db.Rows(after, "SELECT version, recorded_by, recorded_at, reason, source_document FROM indicator_target_current WHERE indicator_id = 'YY-POLING' AND target_year = 2022");
        Assert.Equal("admin", Assert.Single(current)["recorded_by"]);
        Assert.Equal("中期调整", current[0]["reason"]);
        Assert.NotNull(current[0]["recorded_at"]);
        Assert.Equal(2, Db.Rows(after, "SELECT DISTINCT version FROM indicator_target WHERE indicator_id = 'YY-POLING'").Count);
        Assert.Equal(
            Db.Rows(before, "SELECT indicator_id, year, district_code, status FROM mart_indicator WHERE indicator_id <> 'YY-POLING' ORDER BY ALL").Count,
            Db.Rows(after, "SELECT indicator_id, year, district_code, status FROM mart_indicator WHERE indicator_id <> 'YY-POLING' ORDER BY ALL").Count);
    }

    [Fact]
    public void A_corrupt_revisions_file_stops_the_build_naming_the_file_and_line()
    {
        var path = Path.Combine(_dir, TargetRevisionLog.FileName);
        File.WriteAllText(path, "not json\n");
        var ex = Assert.Throws<InvalidDataException>(() => Build(path).Dispose());
        Assert.Contains(path + " line 1", ex.Message, StringComparison.Ordinal);
    }

    private DuckDbConnection Build(string? revisions)
    {
        var connection = new DuckDbConnection();
        connection.Open();
        WarehouseBuilder.Build(connection, new BuildInputs(_lake.Root, revisions));
        return connection;
    }
}

using System.Globalization;
using Analytics.Catalog;
using Analytics.DuckDb;
using Analytics.Warehouse.Tests.Support;
using static Analytics.Warehouse.Tests.Support.Fixture;

namespace Analytics.Warehouse.Tests.Targets;

/// <summary>
/// Apportioned targets in builds of their own: an administrator's district target, a city without SMEs in the baseline
/// year, a firm closed in the baseline year.
/// </summary>
public sealed class ApportionedTargetBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("apportion-build-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_district_target_an_administrator_recorded_overrides_the_apportioned_one_for_that_district_only()
    {
        var log = TargetRevisionLog.ForSnapshots(_dir);
        log.Record("CQ-TECH-SME", [new("city", 2012, 2015, 10000, ">=", null), new("500103", 2012, 2015, 3, ">=", null)],
            "重庆市经信委 区县目标分解通知 第2条", "admin", "渝中区单列目标", basedOn: 1);
        using var connection = Build(Registry(), log.Path);

        // 渝中区: its own 3 by 2015 from 0 in 2012, so 2 by 2014 — and C2, C3 are there.
        var own = Db.Cell(connection, "CQ-TECH-SME", 2014, "500103");
        var value = Recount.TechSmes(2014, Recount.District, "500103");
        Assert.Equal(3, Db.Number(own["target_value"]));
        Assert.Equal("plan", own["target_basis"]);
        Assert.Null(own["target_share"]);
        Assert.Equal(2, Convert.ToInt32(own["target_version"], CultureInfo.InvariantCulture));
        Assert.Equal(Recount.Path(0, 3, 2014, 2012, 2015), Db.Number(own["trajectory_value"])!.Value, 9);
        Assert.Equal(Recount.Status(value, Recount.Path(0, 3, 2014, 2012, 2015)), own["status"]);
        Assert.Equal("on_track", own["status"]);

        // The other districts keep their share of the city's target (of the new version), and so do the industry groups.
        var share = Recount.SmeShare(Registry(), "50", 2012, Recount.District, "500120")!.Value;
        var other = Db.Cell(connection, "CQ-TECH-SME", 2014, "500120");
        Assert.Equal("apportioned", other["target_basis"]);
        Assert.Equal(10000 * share, Db.Number(other["target_value"])!.Value, 9);
        Assert.Equal(2, Convert.ToInt32(other["target_version"], CultureInfo.InvariantCulture));
        Assert.Equal("apportioned", Db.Cell(connection, "CQ-TECH-SME", 2014, "ALL", "ELEC")["target_basis"]);

        var city = Db.Cell(connection, "CQ-TECH-SME", 2014);
        Assert.Equal((10000.0, "plan"), (Db.Number(city["target_value"])!.Value, (string)city["target_basis"]!));
    }

    [Fact]
    public void A_city_without_smes_in_the_baseline_year_gets_no_apportioned_targets_and_the_build_goes_on()
    {
        // Only the large firms are registered in the baseline years 2012 and 2019.
        var registry = Registry().Where(r => !((r.Year == 2012 || r.Year == 2019) && r.Size != "大型")).ToList();
        Assert.Null(Recount.SmeShare(registry, "50", 2012, Recount.District, "500103"));
        Assert.Null(Recount.SmeShare(registry, "4306", 2019, Recount.District, "430602"));
        using var connection = Build(registry, null);

        Assert.Empty(Db.Rows(connection, "SELECT 1 FROM mart_indicator WHERE target_basis = 'apportioned' OR target_share IS NOT NULL"));
        foreach (var (indicator, year, district, group) in new[]
                 { ("CQ-TECH-SME", 2014, "500103", "ALL"), ("CQ-TECH-SME", 2014, "ALL", "AUTO"), ("YY-POLING", 2020, "430603", "ALL"), ("YY-POLING", 2020, "ALL", "EQUIP") })
        {
            var cell = Db.Cell(connection, indicator, year, district, group);
            Assert.Null(cell["target_value"]);
            Assert.Null(cell["target_basis"]);
            Assert.Null(cell["status"]);
        }

        // The cities are still judged against the plans.
        var poling = Db.Cell(connection, "YY-POLING", 2020);
        Assert.Equal((50.0, "plan"), (Db.Number(poling["target_value"])!.Value, (string)poling["target_basis"]!));
        Assert.Equal(Recount.Status(Recount.ZeroBreakthroughs(2020, Recount.District, "ALL"), 50), poling["status"]);
        Assert.Equal("plan", Db.Cell(connection, "CQ-TECH-SME", 2014)["target_basis"]);
    }

    [Fact]
    public void A_firm_closed_in_the_baseline_year_has_no_share_of_the_work_ahead()
    {
        // A small firm of 万州区 500101 deregistered in 2012: an SME by size, not in business at the year's end.
        var closed = new RegistryRow(Code("91", "500101", 16), "500101", "C3670", 2012, 20, 300m, 200m, "小型", Status: "注销");
        using var connection = Build([.. Registry(), closed], null);

        var wanzhou = Db.Cell(connection, "CQ-TECH-SME", 2015, "500101");
        Assert.Null(wanzhou["target_share"]); // no share, nothing held in 2012: no target and not judged
        Assert.Null(wanzhou["target_value"]);
        Assert.Equal(2 / 4.0, Db.Number(Db.Cell(connection, "CQ-TECH-SME", 2015, "500103")["target_share"])!.Value, 12);
        Assert.Equal(2 / 4.0, Db.Number(Db.Cell(connection, "CQ-TECH-SME", 2015, "ALL", "AUTO")["target_share"])!.Value, 12);
    }

    private static DuckDbConnection Build(List<RegistryRow> registry, string? revisions)
    {
        var lake = new FixtureLake();
        try
        {
            lake.WriteBatch("t1", FirstLoad, registry, Recognitions(), Patents(), RdFirstBatch(), Survey());
            var connection = new DuckDbConnection();
            connection.Open();
            WarehouseBuilder.Build(connection, new BuildInputs(lake.Root, revisions));
            return connection;
        }
        finally
        {
            lake.Dispose();
        }
    }
}

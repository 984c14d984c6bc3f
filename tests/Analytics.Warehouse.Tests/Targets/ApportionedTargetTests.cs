using System.Globalization;
using Analytics.Warehouse.Tests.Support;
using static Analytics.Warehouse.Tests.Support.Fixture;

namespace Analytics.Warehouse.Tests.Targets;

/// <summary>
/// A city-wide count target shared out to district and industry-group cells by their share of the plan's SMEs in the
/// baseline year, every expected number recounted from the fixture's rows (<see cref="Recount"/>).
/// </summary>
/// <remarks>
/// The fixture's SMEs in the baseline years: Chongqing 2012 — C1 (璧山, 汽摩), C2 (渝中, 电子信息), C3 (渝中, 汽摩),
/// C4 (沙坪坝, 化工); Yueyang 2019 — Y1, Y2, Y5 (岳阳楼区), Y3 (云溪区), Y4 (岳阳县). C5 and Y6 are large.
/// </remarks>
public sealed class ApportionedTargetTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    /// <summary>The catalog's apportioned indicators (indicators.csv, apportion = sme_share).</summary>
    private static readonly string[] Apportioned =
        ["CQ-DEMO-ENT", "CQ-FREE-ECOM", "CQ-FREE-WEB", "CQ-IP-PILOT", "CQ-RD-CENTER", "CQ-TECH-SME", "YY-ENGINEERS", "YY-PARTICIPANTS", "YY-POLING"];

    [Theory]
    [InlineData("500103", 2013, 2 / 4.0)]
    [InlineData("500103", 2014, 2 / 4.0)]
    [InlineData("500103", 2015, 2 / 4.0)]
    [InlineData("500120", 2014, 1 / 4.0)] // C1, registered under 璧山县 500227 in 2012
    [InlineData("500106", 2015, 1 / 4.0)]
    public void A_district_carries_its_sme_share_of_a_cumulative_targets_increase(string district, int year, double share)
    {
        Assert.Equal(share, Recount.SmeShare(Registry(), "50", 2012, Recount.District, district)!.Value, 12);

        // 培育1万家 by 2015 from 2012: counting starts in 2013, so both baseline values are 0 and the target is 10000 × share.
        double v0 = Recount.TechSmes(2012, Recount.District, district), cityV0 = Recount.TechSmes(2012, Recount.District, "ALL");
        var target = v0 + ((10000 - cityV0) * share);
        var path = Recount.Path(v0, target, year, 2012, 2015);
        var value = Recount.TechSmes(year, Recount.District, district);

        var cell = Db.Cell(fixture.Connection, "CQ-TECH-SME", year, district);
        AssertApportioned(cell, share, target, path, value, baselineYear: 2012);
        Assert.Equal(10000 * share, target, 9);
    }

    [Theory]
    [InlineData("500120", 2013, 1 / 4.0)] // holds C1's pilot status in 2012: v0 = 1
    [InlineData("500120", 2014, 1 / 4.0)]
    [InlineData("500103", 2014, 2 / 4.0)]
    [InlineData("500103", 2015, 2 / 4.0)]
    [InlineData("500106", 2015, 1 / 4.0)]
    public void A_district_carries_its_sme_share_of_a_year_end_counts_increase_from_its_own_baseline(string district, int year, double share)
    {
        // 突破700家 by 2015 from the 2012 stock: the city starts at C1's status, so 700 − V0 is what the plan asks for.
        double v0 = Recount.IpPilots(2012, Recount.District, district), cityV0 = Recount.IpPilots(2012, Recount.District, "ALL");
        var target = v0 + ((700 - cityV0) * share);
        var path = Recount.Path(v0, target, year, 2012, 2015);
        var value = Recount.IpPilots(year, Recount.District, district);

        var cell = Db.Cell(fixture.Connection, "CQ-IP-PILOT", year, district);
        AssertApportioned(cell, share, target, path, value, baselineYear: 2012);
        Assert.Equal(">", cell["comparator"]);
    }

    [Theory]
    [InlineData("430602", 2020, 3 / 5.0)]
    [InlineData("430603", 2020, 1 / 5.0)]
    [InlineData("430621", 2020, 1 / 5.0)]
    [InlineData("430602", 2021, 3 / 5.0)]
    [InlineData("430603", 2022, 1 / 5.0)]
    public void A_district_gets_its_sme_share_of_an_annual_target(string district, int year, double share)
    {
        Assert.Equal(share, Recount.SmeShare(Registry(), "4306", 2019, Recount.District, district)!.Value, 12);

        // 每年50家: no baseline; the target and the path are 50 × share in each year.
        var target = 50 * share;
        var value = Recount.ZeroBreakthroughs(year, Recount.District, district);

        var cell = Db.Cell(fixture.Connection, "YY-POLING", year, district);
        AssertApportioned(cell, share, target, target, value, baselineYear: null);
        Assert.Equal(year, Convert.ToInt32(cell["target_year"], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("CQ-TECH-SME", "AUTO", 2014, 2 / 4.0)] // C1, C3
    [InlineData("CQ-TECH-SME", "ELEC", 2015, 1 / 4.0)] // C2
    [InlineData("CQ-TECH-SME", "CHEM", 2015, 1 / 4.0)] // C4
    [InlineData("YY-POLING", "EQUIP", 2020, 3 / 5.0)]  // Y1, Y4, Y5
    [InlineData("YY-POLING", "ELEC", 2020, 1 / 5.0)]   // Y3
    [InlineData("YY-POLING", "PETRO", 2021, 1 / 5.0)]  // Y2
    public void An_industry_group_gets_its_sme_share_of_the_city_target(string indicator, string group, int year, double share)
    {
        var cq = indicator.StartsWith("CQ", StringComparison.Ordinal);
        var cell = Recount.Group(cq ? "CQ2013" : "YY2020");
        Assert.Equal(share, Recount.SmeShare(Registry(), cq ? "50" : "4306", cq ? 2012 : 2019, cell, group)!.Value, 12);

        var row = Db.Cell(fixture.Connection, indicator, year, "ALL", group);
        if (cq)
        {
            double v0 = Recount.TechSmes(2012, cell, group), cityV0 = Recount.TechSmes(2012, cell, "ALL");
            var target = v0 + ((10000 - cityV0) * share);
            AssertApportioned(row, share, target, Recount.Path(v0, target, year, 2012, 2015), Recount.TechSmes(year, cell, group), baselineYear: 2012);
        }
        else
        {
            AssertApportioned(row, share, 50 * share, 50 * share, Recount.ZeroBreakthroughs(year, cell, group), baselineYear: null);
        }
    }

    [Fact]
    public void The_districts_shares_and_the_industry_groups_shares_each_sum_to_one()
    {
        var sums = Db.Rows(fixture.Connection, """
            SELECT indicator_id, year, district_code = 'ALL' AS by_group, sum(target_share) AS share, count(*) AS cells
            FROM mart_indicator
            WHERE target_basis = 'apportioned'
            GROUP BY ALL
            """);

        Assert.Equal(Apportioned, sums.Select(r => (string)r["indicator_id"]!).Distinct().Order(StringComparer.Ordinal));
        // Every cell with a share is apportioned (those without SMEs have none to add, and no target unless they hold a stock).
        Assert.All(sums, r => Assert.Equal(1.0, Db.Number(r["share"])!.Value, 12));
    }

    [Fact]
    public void The_districts_targets_add_up_to_the_city_target_when_their_baselines_add_up_to_the_citys()
    {
        // IP pilots in 2012: C1 alone, in one district; so Σ (v0 + (700 − V0)·share) = V0 + (700 − V0) = 700.
        var total = Db.Rows(fixture.Connection, """
            SELECT sum(target_value) AS total FROM mart_indicator
            WHERE indicator_id = 'CQ-IP-PILOT' AND year = 2015 AND district_code <> 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL'
            """);
        Assert.Equal(700, Db.Number(total[0]["total"])!.Value, 9);
    }

    [Fact]
    public void A_district_without_smes_in_the_baseline_year_and_nothing_held_then_is_not_judged()
    {
        // 万州区 500101 and 君山区 430611 have no SME in the fixture's baseline years: a target of 0 is no target.
        Assert.Equal(0, Recount.SmeShare(Registry(), "50", 2012, Recount.District, "500101"));
        Assert.Equal(0, Recount.SmeShare(Registry(), "4306", 2019, Recount.District, "430611"));
        Assert.Equal(0, Recount.IpPilots(2012, Recount.District, "500101"));

        foreach (var cell in new[] { Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2014, "500101"), Db.Cell(fixture.Connection, "YY-POLING", 2021, "430611") })
        {
            Assert.Null(cell["target_value"]);
            Assert.Null(cell["target_basis"]);
            Assert.Null(cell["target_share"]);
            Assert.Null(cell["attainment"]);
            Assert.Null(cell["status"]);
        }
    }

    [Fact]
    public void Every_judged_apportioned_cell_has_a_positive_target_and_an_attainment()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT indicator_id, year, district_code, industry_group, target_value, attainment FROM mart_indicator
            WHERE target_basis = 'apportioned' AND (target_value <= 0 OR attainment IS NULL)
            """);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("CQ-PLATFORM")]
    [InlineData("YY-KEY-PLATFORM")]
    [InlineData("YY-CORE-SERVICE")]
    public void An_indicator_the_catalog_does_not_apportion_has_a_target_for_the_city_only(string indicator)
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT district_code, industry_group, size_class, target_value, target_basis, target_share, status
            FROM mart_indicator WHERE indicator_id = $i AND (target_value IS NOT NULL OR target_basis IS NOT NULL OR status IS NOT NULL)
            """, ("i", indicator));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("ALL", "ALL", "ALL", "plan"), ((string)r["district_code"]!, (string)r["industry_group"]!, (string)r["size_class"]!, (string)r["target_basis"]!)));
        Assert.All(rows, r => Assert.Null(r["target_share"]));
    }

    [Fact]
    public void Size_class_cells_and_district_by_group_cells_are_not_apportioned()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT DISTINCT indicator_id FROM mart_indicator
            WHERE indicator_id IN ('CQ-TECH-SME', 'CQ-IP-PILOT', 'YY-POLING') AND target_value IS NOT NULL
              AND (size_class <> 'ALL' OR (district_code <> 'ALL' AND industry_group <> 'ALL'))
            """);
        Assert.Empty(rows);
        Assert.Null(Db.Cell(fixture.Connection, "CQ-TECH-SME", 2014, "ALL", "ALL", "小型")["target_value"]);
        Assert.Null(Db.Cell(fixture.Connection, "YY-POLING", 2020, "430602", "EQUIP")["status"]);
    }

    [Fact]
    public void City_rows_keep_the_plans_target_path_and_status()
    {
        var untouched = Db.Rows(fixture.Connection, """
            SELECT indicator_id, year, target_basis, target_share FROM mart_indicator
            WHERE district_code = 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' AND target_value IS NOT NULL
            """);
        Assert.NotEmpty(untouched);
        Assert.All(untouched, r => Assert.Equal(("plan", (object?)null), ((string)r["target_basis"]!, r["target_share"])));

        // The IP pilots' city row: from V0 = 1 (C1 in 2012) to 700 by 2015, judged on the city's own count.
        double cityV0 = Recount.IpPilots(2012, Recount.District, "ALL"), value = Recount.IpPilots(2015, Recount.District, "ALL");
        var city = Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2014);
        Assert.Equal(700, Db.Number(city["target_value"]));
        Assert.Equal(cityV0, Db.Number(city["baseline_value"]));
        Assert.Equal(Recount.Path(cityV0, 700, 2014, 2012, 2015), Db.Number(city["trajectory_value"])!.Value, 9);
        Assert.Equal(Recount.Status(value, 700), Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2015)["status"]);
        Assert.Equal(50, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2021)["target_value"]));
        Assert.Null(Db.Cell(fixture.Connection, "YY-POLING", 2021)["target_share"]);
    }

    [Fact]
    public void A_target_the_plan_sets_for_every_cell_stays_the_plans_in_a_district()
    {
        var cell = Db.Cell(fixture.Connection, "CQ-IT-ADOPT", 2015, "500103");
        Assert.Equal(0.45, Db.Number(cell["target_value"]));
        Assert.Equal("plan", cell["target_basis"]);
        Assert.Null(cell["target_share"]);
    }

    [Fact]
    public void Years_without_a_city_target_have_no_apportioned_target()
    {
        // The plans' report years outside their targets: 2012 and 2016 in Chongqing, 2019 in Yueyang.
        foreach (var (indicator, year, district) in new[] { ("CQ-TECH-SME", 2012, "500103"), ("CQ-IP-PILOT", 2016, "500103"), ("YY-POLING", 2019, "430602") })
        {
            var cell = Db.Cell(fixture.Connection, indicator, year, district);
            Assert.Null(cell["target_value"]);
            Assert.Null(cell["target_basis"]);
            Assert.Null(cell["target_share"]);
        }
    }

    private static void AssertApportioned(Dictionary<string, object?> cell, double share, double target, double path, double value, int? baselineYear)
    {
        Assert.Equal("apportioned", cell["target_basis"]);
        Assert.Equal(share, Db.Number(cell["target_share"])!.Value, 12);
        Assert.Equal(value, Db.Number(cell["value"]));
        Assert.Equal(target, Db.Number(cell["target_value"])!.Value, 9);
        Assert.Equal(path, Db.Number(cell["trajectory_value"])!.Value, 9);
        Assert.Equal(value / target, Db.Number(cell["attainment"])!.Value, 9);
        Assert.Equal(Recount.Status(value, path), cell["status"]);
        Assert.Equal(1, Convert.ToInt32(cell["target_version"], CultureInfo.InvariantCulture));
        Assert.Equal(baselineYear, cell["baseline_year"] is null ? null : Convert.ToInt32(cell["baseline_year"], CultureInfo.InvariantCulture));
    }
}

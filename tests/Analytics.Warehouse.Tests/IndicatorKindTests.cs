using Analytics.Warehouse.Tests.Support;
using static Analytics.Warehouse.Tests.Support.Fixture;

namespace Analytics.Warehouse.Tests;

/// <summary>Every indicator kind against values derived here from the fixture rows.</summary>
public sealed class IndicatorKindTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(2012, 0)] // counting starts with the plan (2013)
    [InlineData(2013, 2)] // C1, C2
    [InlineData(2014, 3)] // + C3 (C5 is large)
    [InlineData(2015, 2)] // C3 revoked 2015-02-01; C2's second grant is the same enterprise
    [InlineData(2016, null)] // no grant delivered after 2015: no value
    public void Cumulative_count_counts_distinct_smes_since_the_plan_start_and_drops_revoked(int year, int? expected)
    {
        var cell = Db.Cell(fixture.Connection, "CQ-TECH-SME", year);
        Assert.Equal((double?)expected, Db.Number(cell["value"]));
        Assert.Equal((double?)expected, Db.Number(cell["numerator"]));
    }

    [Fact]
    public void Cumulative_count_has_its_target_path_and_status()
    {
        // Target 10000 by 2015 from 0 in 2012: the path in 2014 is 10000 · 2/3.
        var cell = Db.Cell(fixture.Connection, "CQ-TECH-SME", 2014);
        Assert.Equal(10000, Db.Number(cell["target_value"]));
        Assert.Equal(10000.0 * 2 / 3, Db.Number(cell["trajectory_value"])!.Value, 6);
        Assert.Equal(3 / 10000.0, Db.Number(cell["attainment"])!.Value, 12);
        Assert.Equal("off_track", cell["status"]);
    }

    [Theory]
    [InlineData(2012, 1)] // C1 (C2 not yet granted)
    [InlineData(2013, 1)] // C1; C2 expired 2013-12-30, the day before year end
    [InlineData(2014, 3)] // C1 (expires on 31 December, still valid), C3, C4
    [InlineData(2015, 2)] // C3, C4
    public void Count_at_year_end_counts_valid_recognitions_published_however_few(int year, int expected)
    {
        var cell = Db.Cell(fixture.Connection, "CQ-IP-PILOT", year);
        Assert.Equal(expected, Db.Number(cell["value"]));
        Assert.Equal(expected, Convert.ToInt32(cell["enterprise_count"], System.Globalization.CultureInfo.InvariantCulture));
        // Recognitions are published by the government: a public count is never withheld.
        Assert.Equal(false, cell["small_cell"]);
        Assert.Null(cell["suppression"]);
    }

    [Fact]
    public void Weighted_adoption_is_the_weighted_share_with_a_linearised_confidence_interval()
    {
        // Derive from the fixture: SMEs surveyed in 2013; y = any of the three IT uses; a firm with no 'yes' and a blank is left out.
        var responses = Survey().Where(s => s.Year == 2013)
            .Select(s => (s.Weight, Any: s.ItInRd == true || s.ItInManagement == true || s.ItInProductionControl == true
                ? 1.0 : s.ItInRd is null || s.ItInManagement is null || s.ItInProductionControl is null ? (double?)null : 0.0))
            .Where(r => r.Any is not null).Select(r => (W: r.Weight, Y: r.Any!.Value)).ToList();
        var (low, p, high, n) = WeightedShare(responses);

        var cell = Db.Cell(fixture.Connection, "CQ-IT-ADOPT", 2013);
        Assert.Equal(3, n);
        Assert.Equal(2.5 / 4.5, p, 12);
        Assert.Equal(p, Db.Number(cell["value"])!.Value, 12);
        Assert.Equal(n, Convert.ToInt32(cell["sample_size"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(low, Db.Number(cell["ci_low"])!.Value, 9);
        Assert.Equal(high, Db.Number(cell["ci_high"])!.Value, 9);
        Assert.Equal(responses.Sum(r => r.W), Db.Number(cell["denominator"])!.Value, 12);
    }

    [Fact]
    public void Weighted_adoption_leaves_out_blank_answers_and_large_firms()
    {
        var responses = Survey().Where(s => s.Year == 2021 && s.CreditCode != Y6Large && s.CloudServices is not null)
            .Select(s => (W: s.Weight, Y: s.CloudServices == true ? 1.0 : 0.0)).ToList();
        var (low, p, high, n) = WeightedShare(responses);

        var cell = Db.Cell(fixture.Connection, "YY-CLOUD", 2021);
        Assert.Equal(3, n);
        Assert.Equal(5.0 / 6.0, p, 12);
        Assert.Equal(p, Db.Number(cell["value"])!.Value, 12);
        Assert.Equal(low, Db.Number(cell["ci_low"])!.Value, 9);
        Assert.Equal(high, Db.Number(cell["ci_high"])!.Value, 9);
        Assert.Null(cell["status"]); // context indicator: no target
    }

    [Theory]
    [InlineData(2019, 1)] // Y5 (first grant 2019-03-01)
    [InlineData(2020, 2)] // Y3 and Y4, co-applicants of one invention; Y2 has only utility models, Y6 is large
    [InlineData(2021, 1)] // Y1, first grant exactly on 1 January 2021
    [InlineData(2022, 0)]
    public void Zero_breakthrough_counts_smes_in_the_year_of_their_first_invention_grant(int year, int expected)
    {
        Assert.Equal(expected, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", year)["value"]));
    }

    [Fact]
    public void Zero_breakthrough_counts_each_co_applicant_in_its_own_district()
    {
        Assert.Equal(1, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2020, "430603")["value"]));
        Assert.Equal(1, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2020, "430621")["value"]));
        Assert.Equal(0, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2020, "430602")["value"]));
        Assert.Equal(1, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2021, "430602")["value"]));
        Assert.Equal(0, Db.Number(Db.Cell(fixture.Connection, "YY-POLING", 2020, "430602", "EQUIP")["value"]));
    }

    [Fact]
    public void Zero_breakthrough_has_an_annual_target_of_fifty()
    {
        var cell = Db.Cell(fixture.Connection, "YY-POLING", 2021);
        Assert.Equal(50, Db.Number(cell["target_value"]));
        Assert.Equal(50, Db.Number(cell["trajectory_value"]));
        Assert.Equal(1 / 50.0, Db.Number(cell["attainment"])!.Value, 12);
        Assert.Equal("off_track", cell["status"]);
    }

    [Fact]
    public void Doubling_ratio_of_grants_counts_a_co_applied_patent_once_in_the_total_and_once_per_district()
    {
        // 2019: Y5's two grants. 2020: the Y3+Y4 patent and Y5's third (Y6 is large, Y2's are utility models).
        var all2020 = Db.Cell(fixture.Connection, "YY-INV-GRANTS", 2020);
        Assert.Equal(2, Db.Number(all2020["value"]));
        Assert.Equal(2, Db.Number(all2020["baseline_value"]));
        Assert.Equal(2019, Convert.ToInt32(all2020["baseline_year"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, Db.Number(all2020["ratio"])!.Value, 12);
        Assert.Equal(Math.Pow(2, 1.0 / 3), Db.Number(all2020["trajectory_value"])!.Value, 12);
        Assert.Equal(0.5, Db.Number(all2020["attainment"])!.Value, 12);
        Assert.Equal("off_track", all2020["status"]);

        var districts = new[] { "430602", "430603", "430621" }
            .Sum(d => Db.Number(Db.Cell(fixture.Connection, "YY-INV-GRANTS", 2020, d)["value"])!.Value);
        Assert.Equal(3, districts);
        Assert.Equal(0.5, Db.Number(Db.Cell(fixture.Connection, "YY-INV-GRANTS", 2020, "430602")["ratio"])!.Value, 12);
    }

    [Theory]
    [InlineData(2020, "at_risk")]   // ratio 1.2: under 2^(1/3) ≈ 1.26 but above 90% of it
    [InlineData(2021, "off_track")] // ratio 1.25 against 2^(2/3) ≈ 1.59
    [InlineData(2022, "on_track")]  // ratio 2.5 against 2
    public void Doubling_ratio_of_a_ratio_of_sums_divides_sums_not_mean_of_ratios(int year, string status)
    {
        // The second batch re-delivers Y2's 2022 row (60 instead of 999): the newest batch wins.
        var rows = RdFirstBatch().Where(r => !(r.CreditCode == Y2 && r.Year == 2022)).Concat(RdSecondBatch())
            .Where(r => r.CreditCode != Y6Large && r.RdExpense is not null && r.MainBusinessRevenue is not null).ToList();
        double Intensity(int y) => (double)rows.Where(r => r.Year == y).Sum(r => r.RdExpense!.Value)
            / (double)rows.Where(r => r.Year == y).Sum(r => r.MainBusinessRevenue!.Value);

        var cell = Db.Cell(fixture.Connection, "YY-RD-INTENSITY", year);
        Assert.Equal(Intensity(year), Db.Number(cell["value"])!.Value, 12);
        Assert.Equal(Intensity(2019), Db.Number(cell["baseline_value"])!.Value, 12);
        Assert.Equal(Intensity(year) / Intensity(2019), Db.Number(cell["ratio"])!.Value, 9);
        Assert.Equal(Math.Pow(2, (year - 2019) / 3.0), Db.Number(cell["trajectory_value"])!.Value, 12);
        Assert.Equal(status, cell["status"]);
        Assert.Equal(rows.Where(r => r.Year == year).Sum(r => (double)r.MainBusinessRevenue!.Value), Db.Number(cell["denominator"])!.Value, 9);
    }

    [Fact]
    public void Doubling_ratio_of_a_sum_uses_the_newest_batch()
    {
        var cell = Db.Cell(fixture.Connection, "YY-NEWPROD", 2022);
        Assert.Equal(150 + 250, Db.Number(cell["value"]));
        Assert.Equal(100, Db.Number(cell["baseline_value"]));
        Assert.Equal(4.0, Db.Number(cell["ratio"])!.Value, 12);
        Assert.Equal("on_track", cell["status"]);
    }

    [Theory]
    [InlineData(2019, 2)] // Y1 (provincial), Y2 (national); Y3's is municipal
    [InlineData(2020, 3)] // + Y6: little giants of any size count
    [InlineData(2021, 2)] // Y1 expired 2021-04-30
    public void Doubling_ratio_of_a_count_counts_national_and_provincial_little_giants(int year, int expected)
    {
        var cell = Db.Cell(fixture.Connection, "YY-GIANT", year);
        Assert.Equal(expected, Db.Number(cell["value"]));
        Assert.Equal(expected / 2.0, Db.Number(cell["ratio"])!.Value, 12);
    }

    [Theory]
    [InlineData(2019, 0)] // certified before the plan
    [InlineData(2020, 1)]
    [InlineData(2021, 3)]
    [InlineData(2022, 2)] // P3 revoked 2022-03-01
    public void Cumulative_count_of_persons_counts_engineers_and_is_public(int year, int expected)
    {
        var cell = Db.Cell(fixture.Connection, "YY-ENGINEERS", year);
        Assert.Equal(expected, Db.Number(cell["value"]));
        Assert.False((bool)cell["small_cell"]!);
    }

    [Fact]
    public void Units_outside_the_registry_are_placed_by_their_credit_code()
    {
        var cell = Db.Cell(fixture.Connection, "YY-KEY-PLATFORM", 2021, "430603", "UNKNOWN", "未知");
        Assert.Equal(1, Db.Number(cell["value"]));
        Assert.Equal(1, Db.Number(Db.Cell(fixture.Connection, "YY-KEY-PLATFORM", 2022)["value"]));
        Assert.Equal(0, Db.Number(Db.Cell(fixture.Connection, "YY-KEY-PLATFORM", 2020)["value"]));
    }

    [Fact]
    public void Annual_participation_counts_smes_enrolled_that_year()
    {
        var cell = Db.Cell(fixture.Connection, "YY-PARTICIPANTS", 2020);
        Assert.Equal(3, Db.Number(cell["value"]));
        Assert.Equal(100, Db.Number(cell["target_value"]));
        Assert.Equal("off_track", cell["status"]);
        Assert.Equal(0, Db.Number(Db.Cell(fixture.Connection, "YY-PARTICIPANTS", 2021)["value"]));
    }

    [Fact]
    public void Every_catalogued_indicator_has_a_row_for_every_year_of_its_plan()
    {
        var gaps = Db.Rows(fixture.Connection, """
            SELECT i.indicator_id, py.year
            FROM indicator_catalog i JOIN plan_year py ON py.plan = i.plan
            LEFT JOIN mart_indicator m ON m.indicator_id = i.indicator_id AND m.year = py.year
             AND m.district_code = 'ALL' AND m.industry_group = 'ALL' AND m.size_class = 'ALL'
            WHERE m.indicator_id IS NULL
            """);
        Assert.Empty(gaps);
        Assert.Equal(24, Db.Rows(fixture.Connection, "SELECT * FROM indicator_catalog").Count);
    }

    /// <summary>Σw·y/Σw with the Taylor-linearised variance n/(n−1)·Σw²(y−p)²/(Σw)², written out directly.</summary>
    private static (double Low, double P, double High, int N) WeightedShare(List<(double W, double Y)> responses)
    {
        var sw = responses.Sum(r => r.W);
        var p = responses.Sum(r => r.W * r.Y) / sw;
        var n = responses.Count;
        var variance = n / (n - 1.0) * responses.Sum(r => r.W * r.W * (r.Y - p) * (r.Y - p)) / (sw * sw);
        var half = 1.959963984540054 * Math.Sqrt(variance);
        return (Math.Max(0, p - half), p, Math.Min(1, p + half), n);
    }
}

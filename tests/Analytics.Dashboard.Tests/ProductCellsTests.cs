using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.Tests;

/// <summary>The cells <see cref="ProductCells"/> picks from the product snapshot exist and are what the tests take them for.</summary>
public sealed class ProductCellsTests
{
    [Fact]
    public void The_officials_district_has_a_small_cell_in_every_year_with_its_value_in_the_mart()
    {
        var cell = ProductCells.Official;
        Assert.Equal(("CQ2013", FixtureAccounts.OfficialDistrict), (cell.Plan, cell.District));
        AssertSmallEveryYear(cell);
    }

    [Fact]
    public void Another_plan_has_a_small_cell_outside_the_officials_district()
    {
        var cell = ProductCells.Elsewhere;
        Assert.Equal("YY2020", cell.Plan);
        Assert.NotEqual(FixtureAccounts.OfficialDistrict, cell.District);
        AssertSmallEveryYear(cell);
    }

    [Fact]
    public void Each_plan_has_several_districts_and_industry_groups_and_indicators_with_values_in_several_districts()
    {
        foreach (var plan in new[] { "CQ2013", "YY2020" })
        {
            Assert.True(ProductCells.Districts(plan).Count >= 3, plan);
            Assert.True(ProductCells.IndustryGroups(plan).Count >= 3, plan);
            Assert.NotEmpty(ProductCells.Indicators(plan));
        }

        Assert.Contains(FixtureAccounts.OfficialDistrict, ProductCells.Districts("CQ2013").Select(d => d.Code));
        var valued = ProductCells.Texts(
            """
            SELECT indicator_id FROM mart_indicator WHERE district_code <> 'ALL' AND industry_group = 'ALL' AND size_class = 'ALL' AND value > 0
            GROUP BY indicator_id HAVING count(DISTINCT district_code) >= 3
            """);
        Assert.Contains("CQ-TECH-SME", valued);
    }

    [Theory]
    [InlineData("CQ-IT-ADOPT")]
    [InlineData("YY-NEWPROD")]
    public void A_survey_and_a_money_indicator_each_have_a_district_series_with_values_in_several_years(string indicator)
    {
        var (district, industry, size) = ProductCells.ValuedSeries(indicator);
        Assert.NotEqual("ALL", district);
        var rows = ProductCells.Query(
            "SELECT value, small_cell FROM mart_indicator WHERE indicator_id = $i AND district_code = $d AND industry_group = $g AND size_class = $s",
            ("i", indicator), ("d", district), ("g", industry), ("s", size));
        Assert.True(rows.Count >= 5);
        Assert.True(rows.Count(r => r[0] is not null) >= 3, "values in several years");
        Assert.True(rows.Select(r => r[0]).OfType<double>().Distinct().Count() > 1, "values that differ");
    }

    private static void AssertSmallEveryYear(SmallCell cell)
    {
        var rows = ProductCells.Query(
            "SELECT year, small_cell, value FROM mart_indicator WHERE indicator_id = $i AND district_code = $d AND industry_group = 'ALL' AND size_class = $s ORDER BY year",
            ("i", cell.Indicator), ("d", cell.District), ("s", ProductCells.Micro));
        Assert.True(rows.Count >= 5, $"{cell}: {rows.Count} years");
        Assert.All(rows, r => Assert.True((bool)r[1]! && r[2] is not null, $"{cell} {r[0]}"));
    }
}

using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// A year after the data has no value: CQ's recognitions end with 2015 grants (CQ2013 reports to 2016), YY's R&amp;D
/// figures end with 2022 (YY2020 reports to 2023). NULL, not 0, and nothing judged on it.
/// </summary>
public sealed class YearsAfterTheDataTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void A_year_end_count_after_the_last_recognitions_has_no_value()
    {
        Assert.Equal(2, Db.Number(Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2015)["value"])); // C3, C4 (C1 expired 2014-12-31)
        var cell = Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2016);
        Assert.Null(cell["value"]);
        Assert.Null(cell["numerator"]);
        Assert.Null(cell["attainment"]);
        Assert.Null(cell["status"]);
    }

    [Fact]
    public void A_doubling_ratio_after_the_last_rd_figures_has_no_value_and_no_ratio()
    {
        Assert.NotNull(Db.Cell(fixture.Connection, "YY-NEWPROD", 2022)["value"]);
        var cell = Db.Cell(fixture.Connection, "YY-NEWPROD", 2023);
        Assert.Null(cell["value"]);
        Assert.Null(cell["ratio"]);
        Assert.Null(cell["status"]);
        Assert.Null(Db.Cell(fixture.Connection, "YY-NEWPROD", 2023, "430602")["value"]);
    }

    [Fact]
    public void The_mart_says_which_years_each_indicators_data_covers()
    {
        var rows = Db.Rows(fixture.Connection, "SELECT indicator_id, data_from_year, data_to_year FROM mart_indicator_coverage WHERE indicator_id IN ('CQ-IP-PILOT', 'YY-NEWPROD') ORDER BY 1");
        Assert.Equal([("CQ-IP-PILOT", 2012, 2015), ("YY-NEWPROD", 2019, 2022)],
            rows.Select(r => ((string)r["indicator_id"]!, Convert.ToInt32(r["data_from_year"], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r["data_to_year"], System.Globalization.CultureInfo.InvariantCulture))));
    }
}

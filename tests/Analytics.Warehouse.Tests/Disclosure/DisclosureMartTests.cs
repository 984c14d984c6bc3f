using Analytics.Warehouse.Disclosure;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests.Disclosure;

/// <summary>Disclosure control as the build writes it into <c>mart_indicator</c>, on the fixture lake.</summary>
public sealed class DisclosureMartTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void Public_indicators_are_never_withheld()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT m.indicator_id, count(*) FILTER (WHERE m.small_cell OR m.suppression IS NOT NULL) AS withheld
            FROM mart_indicator m JOIN indicator_catalog c USING (indicator_id)
            WHERE c.disclosure = 'public' GROUP BY ALL
            """);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(0L, Convert.ToInt64(r["withheld"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Confidential_cells_of_one_or_two_enterprises_are_withheld_as_primary()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT m.suppression, m.small_cell FROM mart_indicator m JOIN indicator_catalog c USING (indicator_id)
            WHERE c.disclosure = 'confidential' AND m.enterprise_count BETWEEN 1 AND 2
            """);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("primary_count", true), ((string?)r["suppression"], (bool)r["small_cell"]!)));

        // YY-NEWPROD 2022 in the city: two enterprises (150 and 250 万元).
        Assert.Equal("primary_count", Db.Cell(fixture.Connection, "YY-NEWPROD", 2022)["suppression"]);
    }

    [Fact]
    public void Every_withheld_flag_has_its_reason_and_zero_enterprise_cells_are_not_primary()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT count(*) FILTER (WHERE small_cell <> (suppression IS NOT NULL)) AS mismatched,
                   count(*) FILTER (WHERE enterprise_count = 0 AND suppression LIKE 'primary%') AS zero_primary,
                   count(*) FILTER (WHERE suppression NOT IN ('primary_count', 'primary_dominance', 'secondary', 'baseline')) AS unknown
            FROM mart_indicator
            """);
        Assert.Equal([0L, 0L, 0L], rows[0].Values.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void No_withheld_cell_of_the_marts_can_be_computed_from_the_published_ones()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT m.indicator_id, m.year, m.district_code, m.industry_group, m.size_class, coalesce(m.numerator, m.value, 0) AS amount, m.small_cell
            FROM mart_indicator m JOIN indicator_catalog c USING (indicator_id) WHERE c.disclosure = 'confidential'
            ORDER BY ALL
            """);
        var withheldSomewhere = false;
        foreach (var cube in rows.GroupBy(r => ((string)r["indicator_id"]!, (int)r["year"]!)))
        {
            var cells = cube.Select(r => new SuppressionCell((string)r["district_code"]!, (string)r["industry_group"]!, (string)r["size_class"]!,
                Convert.ToDouble(r["amount"], System.Globalization.CultureInfo.InvariantCulture), (bool)r["small_cell"]!)).ToList();
            var withheld = Enumerable.Range(0, cells.Count).Where(i => cells[i].Withheld).ToHashSet();
            withheldSomewhere |= withheld.Count > 0;
            Assert.True(withheld.Count != 1, $"{cube.Key}: a single withheld cell is the total minus the rest");
            Assert.Empty(ComplementarySuppression.Disclosed(cells, withheld));
        }

        Assert.True(withheldSomewhere);
    }

    [Fact]
    public void A_doubling_ratio_withholds_every_later_year_of_a_cell_withheld_in_its_baseline_year()
    {
        var rows = Db.Rows(fixture.Connection, """
            SELECT later.indicator_id, later.year, later.district_code, later.industry_group, later.size_class
            FROM mart_indicator base
            JOIN mart_indicator later USING (indicator_id, district_code, industry_group, size_class)
            JOIN indicator_catalog c USING (indicator_id)
            WHERE c.disclosure = 'confidential' AND base.kind = 'doubling_ratio' AND base.year = later.baseline_year
              AND later.year > later.baseline_year AND base.small_cell AND NOT later.small_cell
            """);
        Assert.Empty(rows);
    }
}

using System.Globalization;
using Analytics.Warehouse.Tests.Support;
using static Analytics.Warehouse.Tests.Support.Fixture;

namespace Analytics.Warehouse.Tests;

/// <summary>District code changes, the enterprise SCD, lineage, quality marts and comments.</summary>
public sealed class DistrictAndHistoryTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void A_county_that_became_a_district_is_reported_under_its_new_code_for_every_year()
    {
        // C1 is registered under 璧山县 500227 in 2012-2013 and 璧山区 500120 from 2014.
        var years = Db.Rows(fixture.Connection,
            "SELECT year, district_code_recorded, district_code FROM fact_enterprise_year WHERE credit_code = $c ORDER BY year", ("c", C1Bishan));
        Assert.Equal(["500227", "500227", "500120", "500120", "500120"], years.Select(r => (string)r["district_code_recorded"]!));
        Assert.All(years, r => Assert.Equal("500120", r["district_code"]));

        var series = Db.Rows(fixture.Connection, """
            SELECT year, value FROM mart_indicator
            WHERE indicator_id = 'CQ-IP-PILOT' AND district_code = '500120' AND industry_group = 'ALL' AND size_class = 'ALL' ORDER BY year
            """);
        Assert.Equal([2012, 2013, 2014, 2015, 2016], series.Select(r => Convert.ToInt32(r["year"], CultureInfo.InvariantCulture)));
        Assert.Equal([1.0, 1, 1, 0, null], series.Select(r => Db.Number(r["value"]))); // CQ's recognitions end in 2015: 2016 has no value
        Assert.Empty(Db.Rows(fixture.Connection, "SELECT 1 FROM mart_indicator WHERE district_code = '500227'"));
        Assert.Equal("璧山区", Db.Cell(fixture.Connection, "CQ-IP-PILOT", 2012, "500120")["district_name_zh"]);
    }

    [Fact]
    public void District_dimension_maps_every_former_code_to_its_successor()
    {
        var rows = Db.Rows(fixture.Connection, "SELECT district_code, reporting_code, is_current FROM dim_district WHERE successor_code IS NOT NULL");
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.False((bool)r["is_current"]!));
        Assert.Contains(rows, r => (string)r["district_code"]! == "500227" && (string)r["reporting_code"]! == "500120");
        Assert.Equal(38, Db.Rows(fixture.Connection, "SELECT 1 FROM mart_plan_district WHERE plan = 'CQ2013'").Count);
        Assert.Equal(9, Db.Rows(fixture.Connection, "SELECT 1 FROM mart_plan_district WHERE plan = 'YY2020'").Count);
    }

    [Fact]
    public void Enterprise_dimension_keeps_a_version_per_change_of_district_size_or_status()
    {
        var bishan = Db.Rows(fixture.Connection,
            "SELECT version, district_code_recorded, valid_from_year, valid_to_year, valid_to, is_current FROM dim_enterprise WHERE credit_code = $c ORDER BY version",
            ("c", C1Bishan));
        Assert.Equal(2, bishan.Count);
        Assert.Equal(("500227", 2012, 2013), ((string)bishan[0]["district_code_recorded"]!, ToInt(bishan[0]["valid_from_year"]), ToInt(bishan[0]["valid_to_year"])));
        Assert.Equal(new DateTime(2014, 12, 30), Convert.ToDateTime(bishan[0]["valid_to"], CultureInfo.InvariantCulture));
        Assert.Equal(("500120", 2014, 2016), ((string)bishan[1]["district_code_recorded"]!, ToInt(bishan[1]["valid_from_year"]), ToInt(bishan[1]["valid_to_year"])));
        Assert.True((bool)bishan[1]["is_current"]!);
        Assert.Null(bishan[1]["valid_to"]);

        var grower = Db.Rows(fixture.Connection,
            "SELECT size_class, valid_from_year FROM dim_enterprise WHERE credit_code = $c ORDER BY version", ("c", Y3));
        Assert.Equal(["小型", "中型"], grower.Select(r => (string)r["size_class"]!));
        Assert.Equal(2021, ToInt(grower[1]["valid_from_year"]));

        Assert.Single(Db.Rows(fixture.Connection, "SELECT 1 FROM dim_enterprise WHERE credit_code = $c", ("c", Y1)));
    }

    [Fact]
    public void Patent_bridge_keeps_every_applicant_and_matches_credit_codes()
    {
        var rows = Db.Rows(fixture.Connection,
            "SELECT applicant_seq, applicant, credit_code, in_registry FROM bridge_patent_applicant WHERE application_no = 'CN201910000005.5' ORDER BY applicant_seq");
        Assert.Equal([Y3, "湖南大学", Y4], rows.Select(r => (string)r["applicant"]!));
        Assert.Equal([true, false, true], rows.Select(r => (bool)r["in_registry"]!));
        Assert.Null(rows[1]["credit_code"]);
    }

    [Fact]
    public void Lineage_lists_the_batches_read_and_the_newest_batch_wins()
    {
        Assert.Equal(["t1", "t2"], fixture.Result.BatchIds);
        Assert.Equal(2, Db.Rows(fixture.Connection, "SELECT * FROM build_lineage").Count);
        var rd = Db.Rows(fixture.Connection, "SELECT rd_expense, batch_id FROM fact_rd_spend WHERE credit_code = $c AND year = 2022", ("c", Y2));
        Assert.Single(rd);
        Assert.Equal(60m, Convert.ToDecimal(rd[0]["rd_expense"], CultureInfo.InvariantCulture));
        Assert.Equal("t2", rd[0]["batch_id"]);
        Assert.True(fixture.Result.TableRows["mart_indicator"] > 0);
    }

    [Fact]
    public void Quality_marts_summarise_quarantine_and_freshness()
    {
        var quarantine = Db.Rows(fixture.Connection, "SELECT feed, rule, row_count FROM mart_quarantine_summary");
        Assert.Single(quarantine);
        Assert.Equal(2L, Convert.ToInt64(quarantine[0]["row_count"], CultureInfo.InvariantCulture));

        var registry = Db.Rows(fixture.Connection, "SELECT latest_year, row_count, last_load_at FROM mart_freshness WHERE feed = 'registry'");
        Assert.Equal(2022, ToInt(registry[0]["latest_year"]));
        Assert.Equal((long)Registry().Count, Convert.ToInt64(registry[0]["row_count"], CultureInfo.InvariantCulture));
        Assert.NotNull(registry[0]["last_load_at"]);
    }

    [Fact]
    public void Every_table_view_and_column_carries_a_comment()
    {
        var missing = Db.Rows(fixture.Connection, """
            SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND (comment IS NULL OR comment = '')
            UNION ALL
            SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND NOT temporary AND (comment IS NULL OR comment = '')
            UNION ALL
            SELECT c.table_name || '.' || c.column_name FROM duckdb_columns() c
            WHERE c.database_name = current_database() AND c.schema_name = 'main' AND NOT c.internal AND (c.comment IS NULL OR c.comment = '')
              AND c.table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT temporary UNION SELECT view_name FROM duckdb_views() WHERE NOT internal)
            """);
        Assert.Empty(missing.Select(r => r["name"]));
    }

    [Fact]
    public void Mart_is_stored_sorted_by_district_indicator_group_size_and_year()
    {
        var keys = Db.Rows(fixture.Connection, "SELECT indicator_id, district_code, industry_group, size_class, year FROM mart_indicator")
            .Select(r => ((string)r["indicator_id"]!, (string)r["district_code"]!, (string)r["industry_group"]!, (string)r["size_class"]!, ToInt(r["year"])))
            .ToList();
        var sorted = keys.OrderBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item1, StringComparer.Ordinal)
            .ThenBy(k => k.Item3, StringComparer.Ordinal).ThenBy(k => k.Item4, StringComparer.Ordinal).ThenBy(k => k.Item5).ToList();
        Assert.Equal(sorted, keys);
    }

    private static int ToInt(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}

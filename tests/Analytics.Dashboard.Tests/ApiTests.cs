using System.Globalization;
using Analytics.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Dashboard.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Dashboard.Tests;

public sealed class ApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Plans_lists_both_plans_with_their_periods()
    {
        using var client = factory.As(Roles.Viewer);
        var plans = await Json(await client.GetAsync("/api/plans"));
        Assert.Equal(["CQ2013", "YY2020"], plans.EnumerateArray().Select(p => p.GetProperty("plan").GetString()));
        var expected = ProductCells.Query("SELECT start_year, target_year, first_report_year, last_report_year FROM dim_plan ORDER BY plan");
        foreach (var (plan, years) in plans.EnumerateArray().Zip(expected))
        {
            Assert.Equal(
                years.Select(y => Convert.ToInt32(y, CultureInfo.InvariantCulture)),
                new[] { "startYear", "targetYear", "firstYear", "lastYear" }.Select(p => plan.GetProperty(p).GetInt32()));
        }
    }

    [Fact]
    public async Task Indicators_carry_their_definition_and_caveats()
    {
        using var client = factory.As(Roles.Viewer);
        var newprod = await Json(await client.GetAsync("/api/indicators/YY-NEWPROD"));
        Assert.Equal("doubling_ratio", newprod.GetProperty("kind").GetString());
        var caveat = ProductCells.Texts("SELECT caveat_zh FROM indicator_catalog WHERE indicator_id = 'YY-NEWPROD'").Single();
        Assert.Contains("代理", caveat, StringComparison.Ordinal);   // the proxy the plan's wording forces
        Assert.Equal(caveat, newprod.GetProperty("caveatZh").GetString());
        var target = ProductCells.Query("SELECT target_value FROM indicator_target_current WHERE indicator_id = 'YY-NEWPROD'").Single()[0];
        Assert.Equal(Mart.Number(target), newprod.GetProperty("targetValue").GetDouble());
        var cq = await Json(await client.GetAsync("/api/indicators?plan=CQ2013"));
        Assert.Equal(ProductCells.Indicators("CQ2013"), cq.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("CQ-TECH-SME", true)]
    [InlineData("CQ-IT-ADOPT", false)]
    [InlineData("YY-NEWPROD", false)]
    public async Task Series_equals_the_mart_row_for_row(string id, bool city)
    {
        // The city's series, or a district's with values in several years (ProductCells.ValuedSeries). An analyst sees
        // small cells too, so every value is the mart's; what a viewer is not shown is tested below.
        var (district, industry, size) = city ? ("ALL", "ALL", "ALL") : ProductCells.ValuedSeries(id);
        using var client = factory.As(Roles.Analyst);
        var body = await Json(await client.GetAsync(
            $"/api/indicators/{id}/series?district={district}&industry={Uri.EscapeDataString(industry)}&size={Uri.EscapeDataString(size)}"));
        var points = body.GetProperty("points").EnumerateArray().ToList();
        var mart = Mart.Rows(factory.SnapshotPath, "indicator_id = $i AND district_code = $d AND industry_group = $g AND size_class = $s",
            ("i", id), ("d", district), ("g", industry), ("s", size));
        Assert.NotEmpty(mart);
        Assert.Equal(mart.Count, points.Count);
        foreach (var (m, p) in mart.Zip(points))
        {
            Assert.Equal(Convert.ToInt32(m["year"], CultureInfo.InvariantCulture), p.GetProperty("year").GetInt32());
            foreach (var (column, property) in new[] { ("value", "value"), ("ci_low", "ciLow"), ("ci_high", "ciHigh"), ("ratio", "ratio"),
                ("target_value", "targetValue"), ("trajectory_value", "trajectoryValue"), ("attainment", "attainment"), ("numerator", "numerator") })
            {
                var expected = Mart.Number(m[column]);
                var actual = p.GetProperty(property);
                Assert.Equal(expected, actual.ValueKind == JsonValueKind.Null ? null : actual.GetDouble());
            }

            Assert.Equal(m["status"] as string, p.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Breakdown_by_district_equals_the_mart_ranked_by_value()
    {
        using var client = factory.As(Roles.Viewer);
        var body = await Json(await client.GetAsync("/api/indicators/CQ-TECH-SME/breakdown?by=district&year=2014&industry=EQUIP"));
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        var mart = Mart.Rows(factory.SnapshotPath, "indicator_id = 'CQ-TECH-SME' AND year = 2014 AND district_code <> 'ALL' AND industry_group = 'EQUIP' AND size_class = 'ALL'");
        Assert.True(mart.Count(m => Mart.Number(m["value"]) > 0) >= 3, "several districts with values");
        var values = rows.Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
        // Ties may come in either order: each district once, with the mart's value.
        Assert.Equal(
            mart.Select(m => ((string)m["district_code"]!, Mart.Number(m["value"]))).OrderBy(m => m.Item1, StringComparer.Ordinal),
            rows.Select(r => (r.GetProperty("districtCode").GetString()!, (double?)r.GetProperty("value").GetDouble())).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Breakdown_by_industry_lists_each_group_once()
    {
        using var client = factory.As(Roles.Viewer);
        var body = await Json(await client.GetAsync("/api/indicators/YY-POLING/breakdown?by=industry&year=2021&district=430602"));
        var groups = Mart.Rows(factory.SnapshotPath, "indicator_id = 'YY-POLING' AND year = 2021 AND district_code = '430602' AND industry_group <> 'ALL' AND size_class = 'ALL'")
            .Select(m => (string)m["industry_group"]!).Order(StringComparer.Ordinal).ToList();
        Assert.True(groups.Count >= 2, "several industry groups");
        Assert.Equal(groups, body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("industryGroup").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Small_cells_come_with_their_numbers_withheld()
    {
        using var client = factory.As(Roles.Viewer);
        var cell = ProductCells.Official;
        var body = await Json(await client.GetAsync($"/api/indicators/{cell.Indicator}/series?district={cell.District}&size={Uri.EscapeDataString(ProductCells.Micro)}"));
        Assert.NotEmpty(body.GetProperty("points").EnumerateArray());
        foreach (var p in body.GetProperty("points").EnumerateArray())
        {
            Assert.True(p.GetProperty("smallCell").GetBoolean());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("enterpriseCount").ValueKind);
        }
    }

    [Fact]
    public async Task Series_csv_has_the_contract_header_and_the_mart_values()
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/api/indicators/CQ-TECH-SME/series.csv?district=500101");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("indicator_id,plan,year,district_code,district_name_zh,industry_group,size_class,value,", lines[0]);
        var mart = Mart.Rows(factory.SnapshotPath, "indicator_id = 'CQ-TECH-SME' AND district_code = '500101' AND industry_group = 'ALL' AND size_class = 'ALL'");
        Assert.Equal(mart.Count + 1, lines.Length);
        Assert.Equal(Mart.Number(mart[0]["value"]), double.Parse(lines[1].Split(',')[7], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Breakdown_csv_downloads()
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/api/indicators/CQ-IT-ADOPT/breakdown.csv?by=industry&year=2013");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var groups = Mart.Rows(factory.SnapshotPath, "indicator_id = 'CQ-IT-ADOPT' AND year = 2013 AND district_code = 'ALL' AND industry_group <> 'ALL' AND size_class = 'ALL'")
            .Select(m => (string)m["industry_group"]!).Order(StringComparer.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(["CQ-IT-ADOPT", "CQ2013", "2013", "ALL"], r.Take(4)));
        Assert.Equal(groups, rows.Select(r => r[5]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Districts_and_industries_are_per_plan()
    {
        using var client = factory.As(Roles.Viewer);
        var districts = await Json(await client.GetAsync("/api/districts?plan=YY2020"));
        var expected = ProductCells.Districts("YY2020");
        Assert.Equal(expected.Select(d => d.Code), districts.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(expected[1].NameEn, districts[1].GetProperty("nameEn").GetString());
        var industries = await Json(await client.GetAsync("/api/industries?plan=CQ2013"));
        Assert.Equal(ProductCells.IndustryGroups("CQ2013"), industries.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Freshness_loads_and_quarantine_come_from_the_snapshot()
    {
        using var client = factory.As(Roles.Viewer);
        var q = await Json(await client.GetAsync("/api/data/quarantine"));
        Assert.Equal(["feed", "rule", "row_count", "example_message", "batches"], q.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var quarantined = ProductCells.Query("SELECT feed, rule, row_count FROM mart_quarantine_summary ORDER BY feed, rule")
            .Select(r => ((string?)r[0], (string?)r[1], Convert.ToString(r[2], CultureInfo.InvariantCulture))).ToList();
        Assert.Contains(quarantined, r => r.Item2 == RuleIds.CreditCodeCheckDigit);   // the demo's dirt, under the ETL's rule ids
        Assert.Equal(
            quarantined,
            q.GetProperty("rows").EnumerateArray().Select(r => (r[0].GetString(), r[1].GetString(), r[2].GetString())).OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal));
        var f = await Json(await client.GetAsync("/api/data/freshness"));
        Assert.Equal(["feed", "latest_as_of", "latest_year", "row_count", "last_load_at"], f.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(ProductCells.Query("SELECT feed FROM mart_freshness").Count, f.GetProperty("rows").GetArrayLength());
        var loads = await Json(await client.GetAsync("/api/data/loads"));
        var rows = ProductCells.Query("SELECT rows FROM build_lineage").Single()[0];
        Assert.Equal(Convert.ToString(rows, CultureInfo.InvariantCulture), loads.GetProperty("rows")[0][4].GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_series_endpoint()
    {
        using var client = factory.As(Roles.Viewer);
        var doc = await Json(await client.GetAsync("/openapi/v1.json"));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/indicators/{id}/series", out _));
    }

    [Fact]
    public async Task The_api_reference_is_served_to_readers_over_the_document_which_says_how_to_sign_in_and_the_formats()
    {
        using var client = factory.As(Roles.Viewer);
        var page = await client.GetAsync("/api/reference/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/reference/scalar.js")).StatusCode);

        var doc = await Json(await client.GetAsync("/openapi/v1.json"));
        var description = doc.GetProperty("info").GetProperty("description").GetString()!;
        Assert.Contains("Bearer ak_", description, StringComparison.Ordinal);
        Assert.Contains(".csv", description, StringComparison.Ordinal);

        // Not signed in: the sign-in, as for every page; every other page keeps the strict policy.
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/api/reference/")).StatusCode);
        Assert.Contains("script-src 'self';", (await client.GetAsync("/?plan=CQ2013")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync("/?plan=CQ2013");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Accounts;
using Analytics.Dashboard.Exports;
using Analytics.Dashboard.Tests.Presentation;
using Analytics.Dashboard.Tests.Support;
using Analytics.Snapshots.Formatting;

namespace Analytics.Dashboard.Tests;

/// <summary>
/// The pages' tables as CSV and Excel downloads: each file is named, typed and valid, its numbers are the JSON API's
/// (and the mart's), its text never runs as a formula, and it shows a reader no more than the page does.
/// </summary>
public sealed class ExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Micro = "%E5%BE%AE%E5%9E%8B";

    private static async Task<(Workbook Book, string FileName)> Xlsx(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var book = new Workbook(body);
        Assert.Empty(book.Errors);
        Assert.True(book.Frozen, "the header row is frozen");
        Assert.StartsWith("A1:", book.AutoFilter);
        Assert.All(book.Rows.SelectMany(r => r.Values).OfType<XCell>(), c =>
        {
            Assert.False(c.Formula);
            Assert.DoesNotContain("E", c.Raw ?? "", StringComparison.Ordinal);
        });
        return (book, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A plan's top-level indicators in the catalog's order, from the product snapshot.</summary>
    private static List<string> TopLevel(string plan) =>
        ProductCells.Texts("SELECT indicator_id FROM indicator_catalog WHERE plan = $p AND parent_id IS NULL ORDER BY sort_order", ("p", plan));

    /// <summary>A number as the workbook holds it: to 12 significant digits, as Excel shows them.</summary>
    private static double? Written(double? value) =>
        value is { } v ? double.Parse(v.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : null;

    private static double? Number(JsonElement e, string property) =>
        e.GetProperty(property) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    [Fact]
    public async Task A_survey_series_workbook_holds_the_apis_shares_as_percentages()
    {
        using var client = factory.As(Roles.Analyst);   // the survey's district cells are often small cells: an analyst sees them
        var (district, industry, _) = ProductCells.ValuedSeries("CQ-IT-ADOPT", allSizes: true);
        var query = $"district={district}&industry={industry}";
        var (book, name) = await Xlsx(client, "/api/indicators/CQ-IT-ADOPT/series.xlsx?" + query);
        Assert.Equal($"CQ-IT-ADOPT-series-{district}-{industry}-ALL.xlsx", name);
        Assert.Equal(["数据", "说明"], book.SheetNames);
        Assert.Equal(["年份", "数值", "95% 置信区间下限", "95% 置信区间上限", "样本量", "进度路径值", "目标", "目标来源", "完成率", "进度", "企业数"], book.Headers);
        var points = (await Json(client, "/api/indicators/CQ-IT-ADOPT/series?" + query)).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count, book.Rows.Count);
        Assert.Contains(book.Rows, r => r["数值"] is not null);
        foreach (var (row, p) in book.Rows.Zip(points))
        {
            // A year the survey has no answer in this cell is empty, as in the API.
            Assert.Equal(p.GetProperty("year").GetInt32(), row["年份"]!.Number);
            Assert.Equal(Written(Number(p, "value")), row["数值"]?.Number);
            if (row["数值"] is { } value)
            {
                Assert.InRange(value.Number!.Value, 0, 1);
                Assert.Equal("0.0%", value.Format);
            }

            Assert.Equal(Written(Number(p, "ciLow")), row["95% 置信区间下限"]?.Number);
            Assert.Equal(Written(Number(p, "targetValue")), row["目标"]?.Number);
            Assert.Equal(Written(Attainment.Shown(Number(p, "attainment"))), row["完成率"]?.Number);
            Assert.Equal("0.0%", row["完成率"]?.Format ?? "0.0%");
        }

        Assert.Contains(book.About, l => l.Contains("CQ-IT-ADOPT", StringComparison.Ordinal));
        Assert.Contains(book.About, l => l.Contains(Path.GetFileName(factory.SnapshotPath), StringComparison.Ordinal));
        Assert.Contains("数值|value", book.About);
        // The indicator, then the cell: its district, and its industry group unless all.
        var names = ProductCells.Query(
            """
            SELECT c.name_zh, d.name_zh, g.group_zh FROM indicator_catalog c
            JOIN mart_plan_district d ON d.plan = c.plan AND d.district_code = $d
            LEFT JOIN mart_plan_industry_group g ON g.plan = c.plan AND g.industry_group = $g
            WHERE c.indicator_id = 'CQ-IT-ADOPT'
            """,
            ("d", district), ("g", industry)).Single();
        Assert.Equal($"{names[0]} · 历年数值 · {names[1]}" + (industry == "ALL" ? "" : $" · {names[2]}"), book.Title);
    }

    [Fact]
    public async Task A_doubling_breakdown_in_english_carries_ratios_and_counts_in_their_formats()
    {
        using var client = factory.As(Roles.Viewer);
        var (book, name) = await Xlsx(client, "/api/indicators/YY-NEWPROD/breakdown.xlsx?by=district&year=2021&lang=en");
        Assert.Equal("YY-NEWPROD-by-district-2021.xlsx", name);
        Assert.Equal(["Data", "About"], book.SheetNames);
        var rows = (await Json(client, "/api/indicators/YY-NEWPROD/breakdown?by=district&year=2021")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Select(r => r.GetProperty("districtCode").GetString()), book.Rows.Select(r => r["District code"]!.Text));
        Assert.Equal(ProductCells.Districts("YY2020").Select(d => d.NameEn).Order(StringComparer.Ordinal), book.Rows.Select(r => r["District"]!.Text).Order(StringComparer.Ordinal));
        Assert.Contains(book.Rows, r => r["Value"] is not null && r["Ratio"] is not null);
        foreach (var (row, r) in book.Rows.Zip(rows))
        {
            // A small cell is withheld from a viewer: an empty cell, as in the API.
            Assert.Equal(Written(Number(r, "value")), row["Value"]?.Number);
            Assert.Equal(Written(Number(r, "ratio")), row["Ratio"]?.Number);
            Assert.Equal(Written(Number(r, "attainment") is { } a ? Attainment.Shown(a) : null), row["Attainment"]?.Number);
            if (row["Value"] is { } value)
            {
                Assert.Equal("#,##0", value.Format);
            }

            if (row["Ratio"] is { } ratio)
            {
                Assert.Equal("0.00\"×\"", ratio.Format);
            }

            var withheld = r.GetProperty("smallCell").GetBoolean() && r.GetProperty("value").ValueKind == JsonValueKind.Null;
            Assert.Equal(withheld ? "Withheld" : r.GetProperty("status").GetString() switch { "on_track" => "On track", "at_risk" => "At risk", "off_track" => "Off track", _ => "No target" }, row["Status"]!.Text);
        }
    }

    [Fact]
    public async Task The_grid_downloads_are_the_overviews_grid_with_the_city_row_first()
    {
        using var client = factory.As(Roles.Viewer);
        var html = await (await client.GetAsync("/?plan=CQ2013")).Content.ReadAsStringAsync();
        var year = System.Text.RegularExpressions.Regex.Match(html, "id=\"status-grid-table\"[^>]*data-year=\"(\\d+)\"").Groups[1].Value;
        Assert.Contains($"/api/plans/CQ2013/grid.xlsx?year={year}&amp;by=district&amp;lang=zh\" download", html, StringComparison.Ordinal);

        var (book, name) = await Xlsx(client, "/api/plans/CQ2013/grid.xlsx");
        Assert.Equal($"CQ2013-grid-district-{year}.xlsx", name);
        // The grid's indicators (top level, with a target) × the city and the plan's districts.
        var gridIndicators = ProductCells.CountOf(
            "SELECT DISTINCT c.indicator_id FROM indicator_catalog c JOIN indicator_target_current t USING (indicator_id) WHERE c.plan = 'CQ2013' AND c.parent_id IS NULL");
        var districts = ProductCells.Districts("CQ2013").Select(d => d.Code).ToList();
        Assert.True(gridIndicators >= 3);
        Assert.Equal(gridIndicators * (1 + districts.Count), book.Rows.Count);
        Assert.Equal(["ALL", .. districts], book.Rows.Take(1 + districts.Count).Select(r => r["区县代码"]!.Text));
        Assert.Equal("全市", book.Rows[0]["区县"]!.Text);
        foreach (var row in book.Rows)
        {
            var mart = Mart.Rows(factory.SnapshotPath, "indicator_id = $i AND year = $y AND district_code = $d AND industry_group = 'ALL' AND size_class = 'ALL'",
                ("i", row["指标代码"]!.Text!), ("y", int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)), ("d", row["区县代码"]!.Text!)).Single();
            var shown = mart["small_cell"] is not true;   // a viewer's small cells are empty
            Assert.Equal(Written(shown ? Mart.Number(mart["value"]) : null), row["数值"]?.Number);
            Assert.Equal(Written(shown ? Attainment.Shown(Mart.Number(mart["attainment"])) : null), row["完成率"]?.Number);
        }

        var csv = await client.GetAsync($"/api/plans/CQ2013/grid.csv?year={year}&by=industry");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"CQ2013-grid-industry-{year}.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("indicator_id,plan,year,district_code,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (gridIndicators * (1 + ProductCells.IndustryGroups("CQ2013").Count)), lines.Length);
        var city = ProductCells.Texts("SELECT DISTINCT district_name_zh FROM mart_indicator WHERE plan = 'CQ2013' AND district_code = 'ALL'").Single();
        Assert.StartsWith($"CQ-TECH-SME,CQ2013,{year},ALL,{city},ALL,ALL,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_district_table_downloads_hold_its_rows_and_the_citys()
    {
        using var client = factory.As(Roles.Viewer);
        var html = await (await client.GetAsync("/district/500101?year=2014")).Content.ReadAsStringAsync();
        Assert.Contains("/api/plans/CQ2013/cells.xlsx?year=2014&amp;district=500101&amp;by=district&amp;lang=zh\" download", html, StringComparison.Ordinal);
        var (book, name) = await Xlsx(client, "/api/plans/CQ2013/cells.xlsx?year=2014&district=500101&by=district");
        Assert.Equal("CQ2013-cells-500101-ALL-2014.xlsx", name);
        // Each top-level indicator: the district's row, then the city's.
        Assert.Equal(TopLevel("CQ2013").SelectMany(i => new[] { i, i }), book.Rows.Select(r => r["指标代码"]!.Text));
        Assert.Equal(["500101", "ALL"], book.Rows.Take(2).Select(r => r["区县代码"]!.Text));
        var adoption = book.Rows.Where(r => r["指标代码"]!.Text == "CQ-IT-ADOPT").ToList();
        Assert.Equal("0.0%", adoption[1]["数值"]!.Format);
        Assert.Equal("#,##0", book.Rows[1]["数值"]!.Format);
        Assert.Equal("%", adoption[0]["单位"]!.Text);

        var csv = await client.GetAsync("/api/plans/YY2020/cells.csv?year=2021&industry=FOOD&district=430602&by=industry");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // YY2020's top-level indicators: the group in the district, then the district's all industries.
        Assert.Equal(1 + (TopLevel("YY2020").Count * 2), lines.Length);
        Assert.Contains(",2021,430602,岳阳楼区,FOOD,ALL,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2021,430602,岳阳楼区,ALL,ALL,", lines[2], StringComparison.Ordinal);
        var industryPage = await (await client.GetAsync("/industry/FOOD?plan=YY2020&district=430602&year=2021")).Content.ReadAsStringAsync();
        Assert.Contains("/api/plans/YY2020/cells.csv?year=2021&amp;industry=FOOD&amp;district=430602&amp;by=industry&amp;lang=zh\" download", industryPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer, true)]
    [InlineData(Roles.District, false)]
    public async Task A_reader_gets_no_withheld_value_the_page_hides_from_them(string role, bool officialsDistrict)
    {
        // A small cell of the product snapshot the reader may not see: a viewer sees none, the official only their own district's.
        var cell = officialsDistrict ? ProductCells.Official : ProductCells.Elsewhere;
        var (id, hidden) = (cell.Indicator, cell.District);
        using var client = factory.As(role);
        var query = $"by=district&year={(cell.Plan == "CQ2013" ? 2014 : 2021)}&size={Micro}";
        var (book, _) = await Xlsx(client, $"/api/indicators/{id}/breakdown.xlsx?{query}");
        var rows = (await Json(client, $"/api/indicators/{id}/breakdown?{query}")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, book.Rows.Count);
        foreach (var (row, r) in book.Rows.Zip(rows))
        {
            Assert.Equal(Written(Number(r, "value")), row["数值"]?.Number);
            Assert.Equal(Written(Number(r, "enterpriseCount")), row["企业数"]?.Number);
        }

        var withheld = book.Rows.Single(r => r["区县代码"]!.Text == hidden);
        Assert.Null(withheld["数值"]);
        Assert.Null(withheld["完成率"]);
        Assert.Equal("不予公布", withheld["进度"]!.Text);
        Assert.NotEmpty(book.WithheldNotes);
        Assert.Contains(book.About, l => l.Contains(role == Roles.Viewer ? "领导（只读）" : "区县用户", StringComparison.Ordinal));
        Assert.True(Mart.Rows(factory.SnapshotPath, "indicator_id = $i AND district_code = $d AND size_class = '微型' AND industry_group = 'ALL'", ("i", id), ("d", hidden))
            .All(m => m["value"] is not null), "the mart holds the value withheld");
    }

    [Fact]
    public async Task A_district_official_sees_their_own_small_cell_in_the_workbook()
    {
        using var client = factory.As(Roles.District);
        var (book, _) = await Xlsx(client, $"/api/indicators/{ProductCells.Official.Indicator}/breakdown.xlsx?by=district&year=2014&size={Micro}");
        var own = book.Rows.Single(r => r["区县代码"]!.Text == FixtureAccounts.OfficialDistrict);
        Assert.NotNull(own["数值"]?.Number);
        // Other districts' small cells stay withheld, with a note each; none of the official's own row.
        var sheetRow = (book.Rows.ToList().IndexOf(own) + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty(book.WithheldNotes);
        Assert.DoesNotContain(book.WithheldNotes, cell => System.Text.RegularExpressions.Regex.Replace(cell, "^[A-Z]+", "") == sheetRow);
    }

    [Fact]
    public void Text_that_would_run_as_a_formula_is_written_as_quoted_text()
    {
        var table = new ExportTable(
            "=HYPERLINK(\"http://x\")", ["@SUM(A1)"],
            [new ExportColumn("name", "=cmd|' /C calc'!A0", ExportKind.Text), new ExportColumn("value", "Value", ExportKind.Number)],
            [
                [ExportCell.Of("=cmd|' /C calc'!A0"), ExportCell.Of(845740.0000000008, "#,##0")],
                [ExportCell.Of("+1+1"), ExportCell.Of(-12.5, "#,##0.0")],
                [ExportCell.Of("-2+3"), new ExportCell(null, null, "#,##0", Withheld: true)],
                [ExportCell.Of("渝中区"), ExportCell.Of(2332000.0, "#,##0")],
            ],
            "withheld");
        var book = new Workbook(XlsxWriter.Write(table, PresentationTestData.Ui()));
        Assert.Empty(book.Errors);
        var names = book.Rows.Select(r => r["=cmd|' /C calc'!A0"]!).ToList();
        Assert.Equal(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "渝中区"], names.Select(c => c.Text));
        Assert.Equal([true, true, true, false], names.Select(c => c.QuotePrefix));
        Assert.All(names, c => Assert.False(c.Formula));
        Assert.Equal("845740", book.Rows[0]["Value"]!.Raw);
        Assert.Equal("2332000", book.Rows[3]["Value"]!.Raw);
        Assert.Equal(["B4"], book.WithheldNotes);
    }

    [Fact]
    public void A_table_without_rows_is_still_a_valid_workbook()
    {
        var table = new ExportTable("empty", [], [new ExportColumn("value", "数值", ExportKind.Number)], [], "withheld");
        var book = new Workbook(XlsxWriter.Write(table, PresentationTestData.Ui("en")));
        Assert.Empty(book.Errors);
        Assert.Equal(["Data", "About"], book.SheetNames);
        Assert.Empty(book.Rows);
    }

    [Theory]
    [InlineData("/api/plans/CQ2013/grid.xlsx?year=2030", "year")]
    [InlineData("/api/plans/CQ2013/grid.csv?year=twenty", "year")]
    [InlineData("/api/plans/CQ2013/grid.xlsx?by=size", "by")]
    [InlineData("/api/plans/CQ2013/cells.xlsx?year=2014", "industry")]
    [InlineData("/api/plans/CQ2013/cells.csv?district=999999", "district")]
    [InlineData("/api/plans/CQ2013/cells.xlsx?district=500101&by=industry", "industry")]
    [InlineData("/api/plans/CQ2013/cells.xlsx?district=430602", "district")]
    [InlineData("/api/plans/CQ2013/cells.xlsx?industry=EQUIP&year=-1", "year")]
    [InlineData("/api/indicators/CQ-TECH-SME/breakdown.xlsx?year=2011", "year")]
    [InlineData("/api/indicators/CQ-TECH-SME/breakdown.xlsx?by=size", "by")]
    [InlineData("/api/indicators/CQ-TECH-SME/series.xlsx?size=huge", "size")]
    [InlineData("/api/indicators/CQ-TECH-SME/series.xlsx?district=%27%3D1", "district")]
    public async Task Bad_export_parameters_are_400_saying_which(string url, string parameter)
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out var messages), body.ToString());
        Assert.DoesNotContain("不是", messages[0].GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/plans/XX2099/grid.xlsx")]
    [InlineData("/api/plans/XX2099/cells.csv?district=500101")]
    [InlineData("/api/indicators/NOPE/series.xlsx")]
    [InlineData("/api/indicators/NOPE/breakdown.xlsx?year=2014")]
    public async Task Unknown_plans_and_indicators_are_404_problems(string url)
    {
        using var client = factory.As(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_says_what_the_downloads_are()
    {
        using var client = factory.As(Roles.Viewer);
        var doc = await Json(client, "/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var (path, type) in new[]
        {
            ("/api/indicators/{id}/series.xlsx", XlsxWriter.ContentType), ("/api/indicators/{id}/breakdown.xlsx", XlsxWriter.ContentType),
            ("/api/plans/{plan}/grid.csv", "text/csv"), ("/api/plans/{plan}/grid.xlsx", XlsxWriter.ContentType),
            ("/api/plans/{plan}/cells.csv", "text/csv"), ("/api/plans/{plan}/cells.xlsx", XlsxWriter.ContentType),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var p), path + " in " + string.Join(", ", paths.EnumerateObject().Select(x => x.Name)));
            var file = p.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty(type);
            var schema = file.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            Assert.True(schema.TryGetProperty("format", out var format) && format.GetString() == "binary", schema.ToString());
        }
    }

    [Fact]
    public async Task An_excel_download_is_in_the_access_log()
    {
        using var analyst = factory.As(Roles.Analyst);
        (await analyst.GetAsync("/api/plans/CQ2013/grid.xlsx?year=2014")).EnsureSuccessStatusCode();
        Assert.Contains(File.ReadAllLines(factory.AccessLog).Select(l => JsonDocument.Parse(l).RootElement), l =>
            l.GetProperty("event").GetString() == "download" && l.GetProperty("path").GetString() == "GET /api/plans/CQ2013/grid.xlsx?year=2014");
    }
}

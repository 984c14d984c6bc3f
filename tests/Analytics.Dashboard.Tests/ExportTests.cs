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
public sealed class ExportTests(FixtureDashboardFactory factory) : IClassFixture<FixtureDashboardFactory>
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

    private static double? Number(JsonElement e, string property) =>
        e.GetProperty(property) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    [Fact]
    public async Task A_survey_series_workbook_holds_the_apis_shares_as_percentages()
    {
        using var client = factory.As(Roles.Viewer);
        var (book, name) = await Xlsx(client, "/api/indicators/CQ-IT-ADOPT/series.xlsx?district=500101&industry=ELEC");
        Assert.Equal("CQ-IT-ADOPT-series-500101-ELEC-ALL.xlsx", name);
        Assert.Equal(["数据", "说明"], book.SheetNames);
        Assert.Equal(["年份", "数值", "95% 置信区间下限", "95% 置信区间上限", "样本量", "进度路径值", "目标", "目标来源", "完成率", "进度", "企业数"], book.Headers);
        var points = (await Json(client, "/api/indicators/CQ-IT-ADOPT/series?district=500101&industry=ELEC")).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count, book.Rows.Count);
        foreach (var (row, p) in book.Rows.Zip(points))
        {
            Assert.Equal(p.GetProperty("year").GetInt32(), row["年份"]!.Number);
            Assert.Equal(Number(p, "value"), row["数值"]!.Number);
            Assert.InRange(row["数值"]!.Number!.Value, 0, 1);
            Assert.Equal("0.0%", row["数值"]!.Format);
            Assert.Equal(Number(p, "ciLow"), row["95% 置信区间下限"]!.Number);
            Assert.Equal(Number(p, "targetValue"), row["目标"]!.Number);
            Assert.Equal(Attainment.Shown(Number(p, "attainment")), row["完成率"]?.Number);
            Assert.Equal("0.0%", row["完成率"]?.Format ?? "0.0%");
        }

        Assert.Contains(book.About, l => l.Contains("CQ-IT-ADOPT", StringComparison.Ordinal));
        Assert.Contains(book.About, l => l.Contains("warehouse-20240102T083000000-0000abcd.duckdb", StringComparison.Ordinal));
        Assert.Contains("数值|value", book.About);
        Assert.Equal("应用信息技术开展研发、管理和生产控制的比例 · 历年数值 · 万州区 · 电子信息", book.Title);
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
        Assert.Equal(["Yueyanglou", "Miluo"], book.Rows.Select(r => r["District"]!.Text).Order(StringComparer.Ordinal).Reverse());
        foreach (var (row, r) in book.Rows.Zip(rows))
        {
            Assert.Equal(Number(r, "value"), row["Value"]!.Number);
            Assert.Equal("#,##0", row["Value"]!.Format);
            Assert.Equal(Number(r, "ratio"), row["Ratio"]!.Number);
            Assert.Equal("0.00\"×\"", row["Ratio"]!.Format);
            Assert.Equal(Number(r, "attainment") is { } a ? Attainment.Shown(a) : null, row["Attainment"]?.Number);
            Assert.Equal(r.GetProperty("status").GetString() switch { "on_track" => "On track", "at_risk" => "At risk", "off_track" => "Off track", _ => "No target" }, row["Status"]!.Text);
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
        // The grid's indicators (top level, with a target) × the city and the three districts.
        Assert.Equal(3 * 4, book.Rows.Count);
        Assert.Equal(["ALL", "500101", "500103", "500120"], book.Rows.Take(4).Select(r => r["区县代码"]!.Text));
        Assert.Equal("全市", book.Rows[0]["区县"]!.Text);
        foreach (var row in book.Rows)
        {
            var mart = Mart.Rows(factory.SnapshotPath, "indicator_id = $i AND year = $y AND district_code = $d AND industry_group = 'ALL' AND size_class = 'ALL'",
                ("i", row["指标代码"]!.Text!), ("y", int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)), ("d", row["区县代码"]!.Text!)).Single();
            Assert.Equal(Mart.Number(mart["value"]), row["数值"]!.Number);
            Assert.Equal(Attainment.Shown(Mart.Number(mart["attainment"])), row["完成率"]?.Number);
        }

        var csv = await client.GetAsync($"/api/plans/CQ2013/grid.csv?year={year}&by=industry");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"CQ2013-grid-industry-{year}.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("indicator_id,plan,year,district_code,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (3 * 3), lines.Length);
        Assert.StartsWith($"CQ-TECH-SME,CQ2013,{year},ALL,,ALL,ALL,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_district_table_downloads_hold_its_rows_and_the_citys()
    {
        using var client = factory.As(Roles.Viewer);
        var html = await (await client.GetAsync("/district/500101?year=2014")).Content.ReadAsStringAsync();
        Assert.Contains("/api/plans/CQ2013/cells.xlsx?year=2014&amp;district=500101&amp;by=district&amp;lang=zh\" download", html, StringComparison.Ordinal);
        var (book, name) = await Xlsx(client, "/api/plans/CQ2013/cells.xlsx?year=2014&district=500101&by=district");
        Assert.Equal("CQ2013-cells-500101-ALL-2014.xlsx", name);
        Assert.Equal(["CQ-TECH-SME", "CQ-TECH-SME", "CQ-IT-ADOPT", "CQ-IT-ADOPT", "CQ-IP-PILOT", "CQ-IP-PILOT"], book.Rows.Select(r => r["指标代码"]!.Text));
        Assert.Equal(["500101", "ALL"], book.Rows.Take(2).Select(r => r["区县代码"]!.Text));
        Assert.Equal("0.0%", book.Rows[2]["数值"]!.Format);
        Assert.Equal("#,##0", book.Rows[0]["数值"]!.Format);
        Assert.Equal("%", book.Rows[2]["单位"]!.Text);

        var csv = await client.GetAsync("/api/plans/YY2020/cells.csv?year=2021&industry=FOOD&district=430602&by=industry");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // YY2020's three top-level indicators: the group in the district, then the district's all industries.
        Assert.Equal(1 + (3 * 2), lines.Length);
        Assert.Contains(",2021,430602,岳阳楼区,FOOD,ALL,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2021,430602,岳阳楼区,ALL,ALL,", lines[2], StringComparison.Ordinal);
        var industryPage = await (await client.GetAsync("/industry/FOOD?plan=YY2020&district=430602&year=2021")).Content.ReadAsStringAsync();
        Assert.Contains("/api/plans/YY2020/cells.csv?year=2021&amp;industry=FOOD&amp;district=430602&amp;by=industry&amp;lang=zh\" download", industryPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer, "CQ-TECH-SME", "500103")]
    [InlineData(Roles.District, "YY-POLING", "430681")]
    public async Task A_reader_gets_no_withheld_value_the_page_hides_from_them(string role, string id, string hidden)
    {
        using var client = factory.As(role);
        var query = $"by=district&year=2021&size={Micro}";
        query = id.StartsWith("CQ", StringComparison.Ordinal) ? query.Replace("2021", "2014", StringComparison.Ordinal) : query;
        var (book, _) = await Xlsx(client, $"/api/indicators/{id}/breakdown.xlsx?{query}");
        var rows = (await Json(client, $"/api/indicators/{id}/breakdown?{query}")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, book.Rows.Count);
        foreach (var (row, r) in book.Rows.Zip(rows))
        {
            Assert.Equal(Number(r, "value"), row["数值"]?.Number);
            Assert.Equal(Number(r, "enterpriseCount"), row["企业数"]?.Number);
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
        var (book, _) = await Xlsx(client, $"/api/indicators/CQ-TECH-SME/breakdown.xlsx?by=district&year=2014&size={Micro}");
        var own = book.Rows.Single(r => r["区县代码"]!.Text == FixtureAccounts.OfficialDistrict);
        Assert.NotNull(own["数值"]?.Number);
        Assert.Empty(book.WithheldNotes);
        Assert.DoesNotContain(book.About, l => l.Contains("不予公布", StringComparison.Ordinal));
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

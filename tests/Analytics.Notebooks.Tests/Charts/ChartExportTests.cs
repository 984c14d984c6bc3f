using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Notebooks.Running;
using Analytics.Notebooks.Tests.Support;

namespace Analytics.Notebooks.Tests.Charts;

/// <summary>Charts drawn by headless Chromium: the exported SVG carries the data, the title and the axis labels.</summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class ChartExportTests : IClassFixture<FixtureSnapshot>
{
    private readonly FixtureSnapshot _fixture;

    public ChartExportTests(FixtureSnapshot fixture) => _fixture = fixture;

    private async Task<NotebookRunResult> Run(string name, string code, bool pdf = false)
    {
        var folder = Path.Combine(_fixture.Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var notebook = TestNotebooks.Write(folder, name, code);
        return await NotebookRunner.RunAsync(new NotebookRunOptions
        {
            NotebookPath = notebook,
            SnapshotPath = _fixture.SnapshotPath,
            OutputRoot = Path.Combine(folder, "out"),
            Pdf = pdf,
        });
    }

    private const string AdoptionChart = """
        var indicator = Indicator("CQ-IT-ADOPT");
        var rows = Sql("SELECT year, value, ci_low, ci_high FROM mart_indicator WHERE indicator_id = 'CQ-IT-ADOPT' AND district_code = 'ALL' AND industry_group = 'ALL' ORDER BY year");
        Chart(ConfidenceBandChart.Create(new ChartSpec
        {
            Title = indicator.Title, XTitle = "年份 Year", YTitle = indicator.AxisTitle, ValueFormat = indicator.ValueFormat,
            Target = indicator.TargetValue, TargetLabel = "目标 45%", IndicatorIds = ["CQ-IT-ADOPT"],
        }, [Series(rows, "全市", low: "ci_low", high: "ci_high")]));
        """;

    [Fact]
    public async Task A_line_chart_svg_has_one_point_per_row_the_query_returned()
    {
        var rows = Convert.ToInt32(_fixture.Column("SELECT count(*) FROM mart_indicator WHERE indicator_id = 'CQ-IT-ADOPT' AND district_code = 'ALL' AND industry_group = 'ALL'")[0], CultureInfo.InvariantCulture);

        var result = await Run("adoption", AdoptionChart);

        var svg = File.ReadAllText(Assert.Single(result.Charts, c => c.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.True(rows > 1);
        Assert.Equal(rows, Points().Count(svg));
    }

    [Fact]
    public async Task A_chart_carries_the_indicators_name_as_title_and_its_unit_as_axis_label()
    {
        var name = (string)_fixture.Column("SELECT name_zh FROM indicator_catalog WHERE indicator_id = 'CQ-IT-ADOPT'")[0]!;

        var result = await Run("labels", AdoptionChart);

        var svg = File.ReadAllText(result.Charts.Single(c => c.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.Contains(name, Text(svg, "gtitle"), StringComparison.Ordinal);
        Assert.Equal("年份 Year", Text(svg, "xtitle"));
        Assert.Equal("比例 Share", Text(svg, "ytitle"));
        var png = File.ReadAllBytes(result.Charts.Single(c => c.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task A_bar_ranking_svg_has_one_bar_per_district_the_query_returned()
    {
        var districts = Convert.ToInt32(_fixture.Column("SELECT count(*) FROM mart_indicator WHERE indicator_id = 'CQ-TECH-SME' AND year = 2015 AND district_code <> 'ALL'")[0], CultureInfo.InvariantCulture);

        var result = await Run("ranking", """
            var rows = Sql("SELECT district_name_zh, value FROM mart_indicator WHERE indicator_id = 'CQ-TECH-SME' AND year = 2015 AND district_code <> 'ALL'");
            Chart(RankingBarChart.Create(new ChartSpec { Title = "排名", XTitle = "家", YTitle = "区县", IndicatorIds = ["CQ-TECH-SME"] }, Points(rows, "district_name_zh", "value")));
            """);

        var svg = File.ReadAllText(result.Charts.Single(c => c.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.Equal(districts, Points().Count(svg));
    }

    [Fact]
    public async Task The_html_report_is_self_contained_and_the_pdf_is_a_pdf()
    {
        var result = await Run("report", AdoptionChart, pdf: true);

        var html = File.ReadAllText(result.Html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.Contains("附录：指标定义", html, StringComparison.Ordinal);
        Assert.Contains("数据截至 Data as of 2023-12-31", html, StringComparison.Ordinal);
        var pdf = File.ReadAllBytes(result.Pdf!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    private static string Text(string svg, string cssClass)
    {
        var match = Regex.Match(svg, $"<text class=\"{cssClass}\"[^>]*>(.*?)</text>", RegexOptions.Singleline);
        Assert.True(match.Success, $"The SVG has no text of class {cssClass}.");
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", ""));
    }

    /// <summary>Plotly marks each plotted datum (a marker or a bar) with class "point".</summary>
    [GeneratedRegex("class=\"point\"")]
    private static partial Regex Points();
}

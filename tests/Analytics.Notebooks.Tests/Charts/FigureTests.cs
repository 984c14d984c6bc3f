using System.Text.Json.Nodes;
using Analytics.Notebooks.Charts;

namespace Analytics.Notebooks.Tests.Charts;

/// <summary>The figure builders' plotly JSON, without a browser.</summary>
public sealed class FigureTests
{
    private static readonly ChartSpec Spec = new()
    {
        Title = "应用信息技术的比例 Share of SMEs using IT",
        XTitle = "年份 Year",
        YTitle = "比例 Share",
        ValueFormat = ".1%",
        Target = 0.45,
        IndicatorIds = ["CQ-IT-ADOPT"],
    };

    private static ChartSeries Series(int years) =>
        new("全市", Enumerable.Range(2012, years).Select(y => new ChartPoint(y, 0.3 + (0.05 * (y - 2012)), 0.25, 0.35)).ToList());

    [Fact]
    public void A_band_chart_marks_one_point_per_value_and_draws_band_and_target_beside_them()
    {
        var figure = ConfidenceBandChart.Create(Spec, [Series(5)]);

        Assert.Equal(5, figure.PointCount);
        var json = JsonNode.Parse(figure.ToJson())!;
        var traces = json["data"]!.AsArray();
        Assert.Equal(4, traces.Count);
        Assert.Equal("tonexty", traces[1]!["fill"]!.GetValue<string>());
        Assert.Equal("lines", traces[3]!["mode"]!.GetValue<string>());
        Assert.All(traces[3]!["y"]!.AsArray(), y => Assert.Equal(0.45, y!.GetValue<double>()));
    }

    [Fact]
    public void Title_and_axis_titles_are_the_specs()
    {
        var layout = JsonNode.Parse(TargetLineChart.Create(Spec, [Series(3)]).ToJson())!["layout"]!;

        Assert.Equal(Spec.Title, layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal("年份 Year", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("比例 Share", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(".1%", layout["yaxis"]!["tickformat"]!.GetValue<string>());
        Assert.Equal(1, layout["xaxis"]!["dtick"]!.GetValue<int>());
    }

    [Fact]
    public void A_ranking_puts_the_largest_bar_on_top_and_highlights_the_chosen_one()
    {
        var bars = new[] { new ChartPoint("甲", 3.0), new ChartPoint("乙", 9.0), new ChartPoint("丙", 5.0) };

        var figure = RankingBarChart.Create(Spec with { Target = 4 }, bars, highlight: "丙");

        var trace = JsonNode.Parse(figure.ToJson())!["data"]![0]!;
        Assert.Equal(["甲", "丙", "乙"], trace["y"]!.AsArray().Select(v => v!.GetValue<string>()));
        var colours = trace["marker"]!["color"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.NotEqual(colours[0], colours[1]);
        Assert.Equal(colours[0], colours[2]);
        Assert.Equal(3, figure.PointCount);
    }

    [Theory]
    [InlineData(null, "CQ-IT-ADOPT", "cq-it-adopt")]
    [InlineData("500120-CQ-TECH-SME", "X", "500120-cq-tech-sme")]
    [InlineData(null, null, "chart")]
    public void The_file_name_is_an_ascii_slug(string? name, string? indicator, string slug)
    {
        var spec = new ChartSpec { Title = "只有中文", Name = name, IndicatorIds = indicator is null ? [] : [indicator] };

        Assert.Equal(slug, TargetLineChart.Create(spec, []).Name);
    }

    [Theory]
    [InlineData("短标题 Short", 40, new[] { "短标题 Short" })]
    [InlineData("2015年各区县应用信息技术的比例 Share of SMEs using IT by district", 40, new[] { "2015年各区县应用信息技术的比例", "Share of SMEs using IT by district" })]
    [InlineData("Zero breakthrough firms by county and district", 20, new[] { "Zero breakthrough", "firms by county and", "district" })]
    [InlineData("破零倍增破零倍增破零倍增", 10, new[] { "破零倍增破", "零倍增破零", "倍增" })]
    public void A_long_title_breaks_where_chinese_gives_way_to_english_else_at_a_space(string title, int units, string[] lines) =>
        Assert.Equal(lines, Analytics.Notebooks.Charts.TitleWrap.Lines(title, units));

    [Fact]
    public void A_wrapped_title_gets_a_taller_top_margin()
    {
        var spec = Spec with { Title = string.Concat(Enumerable.Repeat("很长的标题", 30)) };

        var layout = JsonNode.Parse(TargetLineChart.Create(spec, [Series(2)]).ToJson())!["layout"]!;

        Assert.Contains("<br>", layout["title"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(layout["margin"]!["t"]!.GetValue<int>() > 60);
    }
}


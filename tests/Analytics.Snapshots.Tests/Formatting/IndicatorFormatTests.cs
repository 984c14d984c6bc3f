using System.Globalization;
using Analytics.Snapshots.Formatting;

namespace Analytics.Snapshots.Tests.Formatting;

public sealed class IndicatorFormatTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("count", 0, 9290.0, "9,290")]
    [InlineData("count", 0, 2332276.39, "2,332,276")]
    [InlineData("amount", 0, 2332276.39, "2,332,276")]
    [InlineData("amount", 2, 845740.0000000008, "845,740.00")]
    [InlineData("percent", 1, 0.4731346, "47.3%")]
    [InlineData("percent", 2, 0.02544359731727703, "2.54%")]
    [InlineData("ratio", 2, 1.7777777777, "1.78×")]
    [InlineData("count", 0, 1e20, "100,000,000,000,000,000,000")]
    [InlineData("percent", 1, 1.234e-7, "0.0%")]
    public void Numbers_read_as_their_format_says_without_E_notation(string kind, int decimals, double value, string expected)
    {
        var text = new NumberFormat(kind, decimals).Format(value, En);

        Assert.Equal(expected, text);
        Assert.DoesNotContain("E", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_value_reads_as_a_dash_not_zero()
    {
        Assert.Equal("—", NumberFormat.Count.Format(null, Zh));
        Assert.Equal("—", NumberFormat.Ratio.Format(double.NaN, Zh));
        Assert.Equal("—", Attainment.Format(null, Zh));
    }

    [Theory]
    [InlineData(3333.3333333333335, "3,334")]
    [InlineData(6666.666666666667, "6,667")]
    [InlineData(10000.0, "10,000")]
    [InlineData(448.6666666666667, "449")]
    [InlineData(700.0000000000001, "700")]
    public void A_count_threshold_is_the_whole_number_that_reaches_it(double path, string expected) =>
        Assert.Equal(expected, NumberFormat.Count.FormatThreshold(path, En));

    [Theory]
    [InlineData(0.8985714285714286, "89.9%")]
    [InlineData(0.8999, "89.9%")]
    [InlineData(0.89996, "89.9%")]
    [InlineData(0.9, "90.0%")]
    [InlineData(0.995, "99.5%")]
    [InlineData(0.99951, "99.9%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(1.0514102591570567, "105.1%")]
    public void Attainment_never_rounds_onto_a_band_it_has_not_reached(double attainment, string expected)
        => Assert.Equal(expected, Attainment.Format(attainment, En));

    [Fact]
    public void Attainment_shown_is_on_the_same_side_of_every_band_as_the_exact_value()
    {
        var random = new Random(20130423);
        for (var i = 0; i < 200_000; i++)
        {
            var a = random.NextDouble() * 2.5;
            if (i % 3 == 0)
            {
                a = Math.Round(a, 4) + (random.NextDouble() - 0.5) * 1e-6;
            }

            var shown = Attainment.Shown(a)!.Value;
            Assert.Equal(a >= 0.9, shown >= 0.9);
            Assert.Equal(a >= 1.0, shown >= 1.0);
            Assert.True(Math.Abs(shown - a) < 0.0011, $"{a} shown as {shown}");
        }
    }

    [Fact]
    public void Formats_come_from_the_catalog_and_fall_back_for_old_snapshots()
    {
        var intensity = IndicatorFormat.Of("percent", 2, "doubling_ratio", "占营业收入比重 (share of revenue)");
        Assert.Equal("2.54%", intensity.Value.Format(0.0254436, En));
        Assert.Equal("2.88×", intensity.Measure.Format(2.8829100550470304, En));

        var old = IndicatorFormat.Of(null, null, "adoption", "比例 (0-1)");
        Assert.Equal("47.3%", old.Measure.Format(0.4731, Zh));
        Assert.Equal("9,290", IndicatorFormat.Of(null, null, "cumulative_count", "家 (enterprises)").Measure.Format(9290, Zh));
        Assert.Equal("9,290", IndicatorFormat.Of("bogus", 9, "count", null).Measure.Format(9290, Zh));
    }

    [Fact]
    public void Chart_and_workbook_formats_match_the_text()
    {
        Assert.Equal(".1%", new NumberFormat("percent", 1).D3);
        Assert.Equal(",.0f", NumberFormat.Count.D3);
        Assert.Equal(".2f", NumberFormat.Ratio.D3);
        Assert.Equal("×", NumberFormat.Ratio.Suffix);
        Assert.Equal("0.00%", new NumberFormat("percent", 2).Excel);
        Assert.Equal("#,##0", NumberFormat.Count.Excel);
        Assert.Equal("0.00\"×\"", NumberFormat.Ratio.Excel);
    }
}

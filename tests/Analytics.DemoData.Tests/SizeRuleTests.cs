using Analytics.DemoData.Population;
using Analytics.Reference;
using static Analytics.DemoData.Population.SizeMetric;

namespace Analytics.DemoData.Tests;

public class SizeRuleTests
{
    // The figures of shared/reference/sme-size-classes.md, as the generator's first and second figure.
    [Theory]
    [InlineData("A0111", "Revenue", "None", 20000.0, 0.0, 500.0, 0.0, 50.0, 0.0)]
    [InlineData("C3670", "Employees", "Revenue", 1000.0, 40000.0, 300.0, 2000.0, 20.0, 300.0)]
    [InlineData("E4710", "Revenue", "Assets", 80000.0, 80000.0, 6000.0, 5000.0, 300.0, 300.0)]
    [InlineData("G5910", "Employees", "Revenue", 200.0, 30000.0, 100.0, 1000.0, 20.0, 100.0)]
    [InlineData("K7010", "Revenue", "Assets", 200000.0, 10000.0, 1000.0, 5000.0, 100.0, 2000.0)]
    [InlineData("K7020", "Employees", "Revenue", 1000.0, 5000.0, 300.0, 1000.0, 100.0, 500.0)]
    [InlineData("L7210", "Employees", "Assets", 300.0, 120000.0, 100.0, 8000.0, 10.0, 100.0)]
    [InlineData("M7320", "Employees", "None", 300.0, 0.0, 100.0, 0.0, 10.0, 0.0)]
    public void Rules_come_from_the_shared_table_in_the_order_employees_revenue_assets(
        string industry, string first, string second,
        double largeFirst, double largeSecond, double mediumFirst, double mediumSecond, double smallFirst, double smallSecond)
    {
        var expected = new SizeRule(
            Enum.Parse<SizeMetric>(first), Enum.Parse<SizeMetric>(second),
            largeFirst, largeSecond, mediumFirst, mediumSecond, smallFirst, smallSecond);

        Assert.Equal(expected, SizeRules.For(industry));
    }

    [Fact]
    public void A_figure_the_rule_does_not_use_has_no_thresholds()
    {
        var retail = SizeRules.For("F5210");

        Assert.Equal((10.0, 50.0, 300.0), retail.Thresholds(Employees));
        Assert.Null(retail.Thresholds(Assets));
    }

    [Fact]
    public void A_rule_on_three_figures_is_refused()
    {
        var all = new SizeThresholds(1, 1, 1);
        var rule = new SizeClassRule("X", "x", "x", ["C"], all, all, all, "test");

        Assert.Throws<InvalidDataException>(() => SizeRule.From(rule));
    }
}

using Analytics.Dashboard.Data;
using Analytics.Dashboard.Presentation;
using static Analytics.Dashboard.Tests.Presentation.PresentationTestData;

namespace Analytics.Dashboard.Tests.Presentation;

public sealed class PlanYearsTests
{
    [Theory]
    [InlineData(2016, 2015)] // data past the plan: the target year
    [InlineData(2014, 2014)] // data ends within the plan: its last year
    [InlineData(2012, 2012)] // data end before the plan starts: the last year with data
    [InlineData(null, 2015)] // no data at all: the target year
    public void The_default_year_is_the_latest_plan_year_with_data(int? dataTo, int expected) =>
        Assert.Equal(expected, PlanYears.Default(Cq with { DataToYear = dataTo }));

    [Fact]
    public void The_picker_says_which_years_have_targets_and_which_have_no_data()
    {
        var ui = Ui();
        var plan = Cq with { DataToYear = 2014 };
        Assert.Equal(
            ["2012（基期）", "2013（有目标）", "2014（有目标）", "2015（目标年、暂无数据）", "2016（暂无数据）"],
            PlanYears.Offered(plan).Select(y => PlanYears.Label(plan, y, ui)));
        Assert.Equal("2015 (target year)", PlanYears.Label(Cq, 2015, Ui("en")));
    }

    [Theory]
    [InlineData("2013", 2013, false)]
    [InlineData("", 2015, false)]
    [InlineData("2011", 2015, true)]
    [InlineData("二〇一四", 2015, true)]
    [InlineData("2014; DROP TABLE x", 2015, true)]
    public void A_year_outside_the_plans_years_is_refused_with_a_message_in_the_readers_language(string asked, int expected, bool refused)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(expected, PlanYears.Select(asked, Cq, Ui(), errors));
        Assert.Equal(refused, errors.ContainsKey("year"));
        if (refused)
        {
            Assert.Contains("请选 2012–2016 年", errors["year"][0], StringComparison.Ordinal);
        }
    }
}

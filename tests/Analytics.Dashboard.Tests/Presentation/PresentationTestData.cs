using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;
using Microsoft.AspNetCore.Http;

namespace Analytics.Dashboard.Tests.Presentation;

/// <summary>Rows and indicators for the pure presentation rules, written out so each test's numbers are visible.</summary>
internal static class PresentationTestData
{
    public static readonly IndicatorInfo Grants = new(
        "YY-INV-GRANTS", "YY2020", null, 20, "中小企业发明专利授权量倍增", "Invention grants doubled", null, null, null, "doubling_ratio",
        "件 (patents)", "patents; registry", null, null, 2018, 2023, 2.0, 2022, ">=", 2019, ValueFormat: "count", Decimals: 0);

    public static readonly IndicatorInfo Adoption = new(
        "CQ-IT-ADOPT", "CQ2013", null, 30, "应用信息技术的比例", "Share using IT", null, null, null, "adoption",
        "比例 (0-1)", "survey", null, null, 2012, 2016, 0.45, 2015, ">", 2012, ValueFormat: "percent", Decimals: 1);

    public static readonly PlanInfo Cq = new("CQ2013", "重庆市方案", "Chongqing plan", "渝府办发〔2013〕99号", 2013, 2012, 2015, 2012, 2016, 2016);

    public static MartRow Row(
        string district, double? value, double? ratio = null, double? baseline = null, long? n = null, bool withheld = false,
        string? status = null, int year = 2022) =>
        new("X", "P", year, district, null, "ALL", "ALL", value, value, null, n, null, null, 2019, baseline, ratio, null, null, null, null, null,
            status, null, false, withheld);

    public static UiContext Ui(string lang = "zh")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?lang=" + lang);
        return new UiContext(new HttpContextAccessor { HttpContext = context });
    }
}

using Analytics.Etl.Contracts;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Validation;

public sealed class RdSpendAndSurveyRulesTests : IDisposable
{
    private const string RdHeader = "统一社会信用代码,年度,研发费用(万元),主营业务收入(万元),新产品销售收入(万元),研发人员,数据来源";
    private static readonly object?[] SurveyHeader =
        ["统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术", "电子商务采购", "电子商务销售", "使用云服务", "拥有网站"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private CollectingFeedSink LoadRd(params string[] rows) =>
        Loads.Run(FeedKind.RdSpend, folder.WriteText("rd_spend.csv", RdHeader + "\r\n" + string.Join("\r\n", rows) + "\r\n", TempFolder.Utf8Bom)).Sink;

    [Fact]
    public void Reads_an_rd_row_from_a_utf8_bom_file()
    {
        var row = LoadRd($"{Codes.Credit(1)},2021,120.5,3000,800,12,税务").Rows.Single();

        Assert.Equal<object?>([Codes.Credit(1), 2021, 120.5m, 3000m, 800m, 12, "税务"], row);
    }

    [Fact]
    public void Optional_rd_values_may_be_blank()
    {
        var row = LoadRd($"{Codes.Credit(1)},2021,120.5,3000,,,").Rows.Single();

        Assert.Equal<object?>([null, null, null], row[RdSpendContract.NewProductRevenue..]);
    }

    [Theory]
    [InlineData("2021,3001,3000,,,", RuleIds.RdExceedsRevenue)]
    [InlineData("2021,5,0,,,", RuleIds.RdExceedsRevenue)]
    [InlineData("2021,-5,3000,,,", RuleIds.NegativeValue)]
    [InlineData("21,5,3000,,,", RuleIds.YearOutOfRange)]
    [InlineData("2021,5,3000,,,海关", RuleIds.SourceUnknown)]
    [InlineData("2021,5,3000,,-2,", RuleIds.NegativeValue)]
    [InlineData("2021,2000000,30000000,,,", RuleIds.AmountUnitSuspect)]
    [InlineData("2021,500000,9000000,,12,", RuleIds.AmountUnitSuspect)]
    [InlineData("2021,,3000,,,", RuleIds.RequiredMissing)]
    public void Bad_rd_rows_are_quarantined(string rest, string rule) =>
        Assert.Equal(rule, LoadRd($"{Codes.Credit(1)},{rest}").Single().RuleId);

    [Fact]
    public void Rd_of_the_same_firm_and_year_twice_with_different_figures_is_a_conflict()
    {
        var sink = LoadRd($"{Codes.Credit(1)},2021,100,3000,,,", $"{Codes.Credit(1)},2022,100,3000,,,", $"{Codes.Credit(1)},2021,110,3000,,,");

        Assert.Equal(2, sink.Rejections.Count(r => r.RuleId == RuleIds.DuplicateKeyConflict));
        Assert.Single(sink.Rows);
    }

    private CollectingFeedSink LoadSurvey(params object?[] row) =>
        Loads.Run(FeedKind.Survey, new XlsxBuilder().Sheet("2015").Row(1, "调查").Row(2, SurveyHeader).Row(3, row).Write(folder.File("survey.xlsx"))).Sink;

    [Theory]
    [InlineData(0.0, RuleIds.WeightNotPositive)]
    [InlineData(-1.5, RuleIds.WeightNotPositive)]
    public void A_survey_weight_of_zero_or_less_is_quarantined(double weight, string rule) =>
        Assert.Equal(rule, LoadSurvey(Codes.Credit(1), 2015, weight, "是").Single().RuleId);

    [Fact]
    public void A_survey_answer_that_is_not_yes_or_no_is_quarantined() =>
        Assert.Equal(RuleIds.FlagUnparseable, LoadSurvey(Codes.Credit(1), 2015, 3.0, "经常").Single().RuleId);

    [Fact]
    public void A_survey_row_with_no_answers_loads_with_null_flags()
    {
        var row = LoadSurvey(Codes.Credit(1), 2015, 3.0).Rows.Single();

        Assert.All(row[SurveyContract.ItInRd..], Assert.Null);
    }
}

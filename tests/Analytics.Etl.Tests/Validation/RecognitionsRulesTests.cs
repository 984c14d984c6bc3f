using Analytics.Etl.Contracts;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;
using static Analytics.Etl.Contracts.RecognitionsContract;

namespace Analytics.Etl.Tests.Validation;

public sealed class RecognitionsRulesTests : IDisposable
{
    private static readonly object?[] Header =
        ["统一社会信用代码", "企业名称", "人员编号", "认定类型", "认定级别", "认定日期", "有效期至", "撤销日期", "证书编号", "批次"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private CollectingFeedSink Load(params object?[][] rows)
    {
        var builder = new XlsxBuilder().Sheet("第一批").Row(1, "认定名单").Row(2, Header);
        for (var i = 0; i < rows.Length; i++)
        {
            builder.Row(3 + i, rows[i]);
        }

        return Loads.Run(FeedKind.Recognitions, builder.Write(folder.File("recognitions.xlsx"))).Sink;
    }

    private static object?[] Row(string type = "TECH_SME", string? person = null, string level = "市", string granted = "2015-03-01",
        string? expires = null, string? revoked = null, int serial = 1) =>
        [Codes.Credit(serial), "甲公司", person, type, level, granted, expires, revoked, null, null];

    [Theory]
    [InlineData("TECH_SME", "TECH_SME")]
    [InlineData("科技型中小微型企业", "TECH_SME")]
    [InlineData("技术研发中心", "RD_CENTER")]
    [InlineData("公共服务平台", "PUBLIC_PLATFORM")]
    [InlineData("知识产权试点单位", "IP_PILOT")]
    [InlineData("信息化示范企业", "IT_DEMO")]
    [InlineData("免费建网站", "FREE_WEB")]
    [InlineData("免费电子商务", "FREE_ECOM")]
    [InlineData("专精特新", "SPECIALIZED")]
    [InlineData("小巨人", "LITTLE_GIANT")]
    [InlineData("专精特新\"小巨人\"", "LITTLE_GIANT")]
    [InlineData("专精特新“小巨人”企业", "LITTLE_GIANT")]
    [InlineData("高新技术企业", "HNTE")]
    [InlineData("省级企业技术中心", "PROV_TECH_CENTER")]
    [InlineData("重点技术创新服务平台", "KEY_PLATFORM")]
    [InlineData("技术创新核心服务机构", "CORE_SERVICE")]
    [InlineData("破零倍增行动参与", "POLING_PARTICIPANT")]
    [InlineData("little_giant", "LITTLE_GIANT")]
    public void Types_are_read_as_codes_or_chinese_names(string written, string code) =>
        Assert.Equal(code, Load(Row(written)).Rows.Single()[RecognitionType]);

    [Fact]
    public void Every_type_is_found_by_its_code_and_its_chinese_name()
    {
        Assert.Equal(15, RecognitionTypes.All.Count);
        foreach (var (code, nameZh, _) in RecognitionTypes.All)
        {
            Assert.Equal(code, RecognitionTypes.Find(code));
            Assert.Equal(code, RecognitionTypes.Find(nameZh));
        }
    }

    [Fact]
    public void An_innovation_engineer_is_a_person_with_the_employers_credit_code()
    {
        var row = Load(Row("国家创新工程师", person: "p-00123")).Rows.Single();

        Assert.Equal("P-00123", row[PersonId]);
        Assert.Equal(Codes.Credit(1), row[CreditCode]);
    }

    public static TheoryData<object?[], string> Rejected => new()
    {
        { Row("国家创新工程师"), RuleIds.PersonIdMissing },
        { Row("TECH_SME", person: "P1"), RuleIds.PersonIdUnexpected },
        { Row("优秀企业"), RuleIds.RecognitionTypeUnknown },
        { Row(level: "乡镇"), RuleIds.LevelUnknown },
        { Row(granted: ""), RuleIds.RequiredMissing },
        { Row(granted: "2015-03-01", expires: "2014-12-31"), RuleIds.DateOrder },
        { Row(granted: "2015-03-01", revoked: "2015-02-01"), RuleIds.DateOrder },
        { Row(granted: "三月"), RuleIds.DateUnparseable },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Bad_rows_are_quarantined(object?[] row, string rule)
    {
        var rejection = Load(row).Single();
        Assert.Equal((rule, 3L, "第一批"), (rejection.RuleId, rejection.RowNumber, rejection.Sheet));
        Assert.Contains("sheet '第一批' row 3", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_accept_their_usual_spellings()
    {
        var sink = Load(Row(level: "国家级", serial: 1), Row(level: "省级", serial: 2), Row(level: "市级", serial: 3), Row(level: "县级", serial: 4));

        Assert.Equal(["国家", "省", "市", "区县"], sink.Rows.Select(r => (string)r[Level]!));
    }

    [Fact]
    public void The_same_grant_listed_in_two_sheets_loads_once()
    {
        var path = new XlsxBuilder()
            .Sheet("一").Row(1, Header).Row(2, [.. Row()[..9], "2015-1"])
            .Sheet("二").Row(1, Header).Row(2, [.. Row()[..9], "2015-1"])
            .Write(folder.File("recognitions.xlsx"));

        var (_, sink) = Loads.Run(FeedKind.Recognitions, path);

        Assert.Single(sink.Rows);
        var copy = Assert.Single(sink.Rejections);
        Assert.Equal((RuleIds.DuplicateRow, "二"), (copy.RuleId, copy.Sheet));
    }
}

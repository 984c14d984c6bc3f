using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Tests;

[Collection(DemoOutputCollection.Name)]
public class WorkbookTests(DemoOutput output)
{
    private static readonly string[] RecognitionHeader = ["统一社会信用代码", "企业名称", "人员编号", "认定类型", "认定级别", "认定日期", "有效期至", "撤销日期", "证书编号", "批次"];
    private static readonly string[] SurveyHeader = ["统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术", "电子商务采购", "电子商务销售", "使用云服务", "拥有网站"];

    [Fact]
    public void Recognition_workbooks_open_with_a_title_row_above_the_header_on_every_batch_sheet()
    {
        var entry = output.Files("recognitions", "cq").Single(f => f.Path.EndsWith("2014.xlsx", StringComparison.Ordinal));
        var sheets = FeedReaders.Workbook(output.PathOf(entry));
        Assert.True(sheets.Count >= 8);
        Assert.Contains(sheets, s => s.Rows[0]["A"] == "2014年第二批科技型中小微型企业认定名单");
        Assert.All(sheets, s =>
        {
            Assert.EndsWith("名单", s.Rows[0]["A"], StringComparison.Ordinal);
            Assert.Equal(RecognitionHeader, s.Rows[1].OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
        });
        Assert.Equal(entry.Rows, sheets.Sum(s => s.Rows.Skip(2).Count(r => r.Count > 0 && r["A"] != "合计")));
    }

    [Fact]
    public void Engineers_are_people_linked_to_an_employer()
    {
        var rows = output.Files("recognitions", "yy").SelectMany(f => FeedReaders.Workbook(output.PathOf(f)))
            .SelectMany(s => s.Rows.Skip(2)).Where(r => r.GetValueOrDefault("D") == "国家创新工程师").ToList();
        Assert.InRange(rows.Count, 100, 200);
        Assert.All(rows, r => Assert.StartsWith("P", r["C"], StringComparison.Ordinal));
        Assert.True(rows.Count(r => CreditCode.IsValid(r["A"])) > rows.Count * 0.9);
    }

    [Fact]
    public void Survey_workbooks_have_title_header_weights_and_injected_zero_weights()
    {
        foreach (var entry in output.Files("survey", "cq"))
        {
            var sheet = Assert.Single(FeedReaders.Workbook(output.PathOf(entry)));
            Assert.Contains("调查", sheet.Rows[0]["A"], StringComparison.Ordinal);
            Assert.Equal(SurveyHeader, sheet.Rows[1].OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
            var data = sheet.Rows.Skip(2).Where(r => r.Count > 0 && r["A"] != "合计").ToList();
            Assert.Equal(entry.Rows, data.Count);
            Assert.Equal(entry.Dirt.GetValueOrDefault("zero_weight"), data.Count(r => r["C"] == "0"));
            Assert.All(data, r => Assert.True(double.Parse(r["C"], System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 1));
        }
    }

    [Fact]
    public void A_sheet_that_would_pass_the_row_limit_continues_on_another_with_the_same_title()
    {
        using var dir = new TempDirectory();
        var manifest = DemoGenerator.Generate(new DemoOptions
        {
            OutputDirectory = dir.Path, Scale = 0.05, Regions = [DemoRegion.Yueyang], Feeds = DemoFeeds.Survey, MaxRowsPerSheet = 20,
        });
        var entry = manifest.Files[0];
        var sheets = FeedReaders.Workbook(Path.Combine(dir.Path, entry.Path));
        Assert.True(sheets.Count > 1);
        Assert.All(sheets, s =>
        {
            Assert.True(s.Rows.Count <= 20);
            Assert.Equal(sheets[0].Rows[0]["A"], s.Rows[0]["A"]);
            Assert.Equal("统一社会信用代码", s.Rows[1]["A"]);
        });
        Assert.Equal(entry.Rows, sheets.Sum(s => s.Rows.Skip(2).Count(r => r.Count > 0 && r["A"] != "合计")));
    }
}

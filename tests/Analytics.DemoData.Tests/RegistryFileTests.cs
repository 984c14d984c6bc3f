using System.Text;
using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Tests;

[Collection(DemoOutputCollection.Name)]
public class RegistryFileTests(DemoOutput output)
{
    private static readonly string[] Header =
        ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "成立日期", "登记状态", "注销日期", "从业人员", "营业收入(万元)", "资产总额(万元)", "企业规模", "数据日期"];

    [Fact]
    public void Is_really_gbk_with_the_agreed_header()
    {
        var entry = output.Files("registry", "cq").First();
        var bytes = File.ReadAllBytes(output.PathOf(entry));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var lines = FeedReaders.Csv(output.PathOf(entry), FeedReaders.Gbk());
        Assert.Equal(Header, lines[0]);
        Assert.Equal(entry.Rows, FeedReaders.CsvData(lines).LongCount());
    }

    [Fact]
    public void Credit_codes_are_valid_except_where_dirt_was_injected()
    {
        foreach (var entry in output.Manifest.Files.Where(f => f.Feed == "registry"))
        {
            var rows = FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(entry), FeedReaders.Gbk())).ToList();
            var invalid = rows.Count(r => !CreditCode.IsValid(r[0]));
            var injected = new[] { "wrong_check_digit", "letter_o_for_zero", "full_width_digits", "trailing_spaces" }
                .Sum(k => entry.Dirt.GetValueOrDefault(k));
            Assert.Equal(injected, invalid);
        }
    }

    [Fact]
    public void Shows_a_county_turned_district_under_the_code_in_force_at_each_snapshot()
    {
        var byYear = output.Files("registry", "cq").ToDictionary(
            f => int.Parse(f.Path.Split('_')[2][..4], System.Globalization.CultureInfo.InvariantCulture),
            f => FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(f), FeedReaders.Gbk())).ToList());

        // A firm registered in 璧山县 (500227 in positions 3-8 of its credit code) appears under 500227 at the end of
        // 2013 and under 璧山区 500120 from the end of 2014 (the change took effect 2014-05).
        var code2013 = byYear[2013].Where(r => r[0].Length == 18 && r[0][2..8] == "500227").Select(r => r[2]).ToList();
        var code2014 = byYear[2014].Where(r => r[0].Length == 18 && r[0][2..8] == "500227").Select(r => r[2]).ToList();
        Assert.True(code2013.Count(c => c == "500227") > code2013.Count * 0.95);
        Assert.True(code2014.Count(c => c == "500120") > code2014.Count * 0.9);

        // …and a few rows still carry the old county after the change.
        Assert.Contains(byYear[2015], r => r[2] is "500227" or "璧山县" or "500224" or "铜梁县");
        Assert.Contains(byYear[2016], r => r[2] is "开县" or "500234" or "500227" or "璧山县" or "500224" or "铜梁县" or "潼南县" or "500223" or "荣昌县" or "500226");
        Assert.True(output.Files("registry", "cq").Sum(f => f.Dirt.GetValueOrDefault("old_district_after_change")) > 5);
    }

    [Fact]
    public void Size_classes_are_skewed_like_a_real_registry()
    {
        var rows = FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(output.Files("registry", "cq").Last()), FeedReaders.Gbk())).ToList();
        double Share(string size) => rows.Count(r => r[10] == size) / (double)rows.Count(r => r[10].Length > 0);
        Assert.InRange(Share("大型"), 0.01, 0.03);
        Assert.InRange(Share("中型"), 0.04, 0.10);
        Assert.InRange(Share("小型"), 0.22, 0.36);
        Assert.InRange(rows.Count(r => r[10].Length == 0) / (double)rows.Count, 0.05, 0.15);
    }

    [Fact]
    public void Deregistered_firms_carry_a_deregistration_date()
    {
        var rows = FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(output.Files("registry", "yy").First()), FeedReaders.Gbk())).ToList();
        Assert.Contains(rows, r => r[5] == "注销");
        Assert.All(rows.Where(r => r[5] is "注销" or "吊销"), r => Assert.NotEmpty(r[6]));
        Assert.All(rows.Where(r => r[5] is "存续" or "在业"), r => Assert.Empty(r[6]));
    }
}

using System.Globalization;
using System.Text;

namespace Analytics.DemoData.Tests;

[Collection(DemoOutputCollection.Name)]
public class RdSpendFileTests(DemoOutput output)
{
    [Fact]
    public void Is_utf8_with_a_byte_order_mark_and_the_agreed_header()
    {
        var entry = output.Files("rd_spend", "yy").Single();
        var bytes = File.ReadAllBytes(output.PathOf(entry));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = FeedReaders.Csv(output.PathOf(entry), new UTF8Encoding(false, true));
        Assert.Equal(["统一社会信用代码", "年度", "研发费用(万元)", "主营业务收入(万元)", "新产品销售收入(万元)", "研发人员", "数据来源"], lines[0]);
        Assert.Equal(entry.Rows, FeedReaders.CsvData(lines).LongCount());
    }

    [Fact]
    public void Rd_expense_exceeds_revenue_only_where_injected()
    {
        var entry = output.Files("rd_spend", "cq").Single();
        var rows = FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(entry), Encoding.UTF8)).ToList();
        var exceeding = rows.Count(r => double.Parse(r[2], CultureInfo.InvariantCulture) > double.Parse(r[3], CultureInfo.InvariantCulture));
        Assert.Equal(entry.Dirt["rd_exceeds_revenue"], exceeding);
    }

    [Fact]
    public void Yueyang_intensity_roughly_doubles_in_some_districts_and_not_others()
    {
        var registry2019 = Registry(2019);
        var registry2022 = Registry(2022);
        var rows = FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(output.Files("rd_spend", "yy").Single()), Encoding.UTF8))
            .Select(r => (Code: r[0], Year: int.Parse(r[1], CultureInfo.InvariantCulture), Rd: double.Parse(r[2], CultureInfo.InvariantCulture), Revenue: double.Parse(r[3], CultureInfo.InvariantCulture)))
            .Where(r => r.Rd <= r.Revenue && r.Revenue < 1_000_000)
            .ToList();
        double Intensity(int year, Dictionary<string, string> districts, string district) =>
            rows.Where(r => r.Year == year && districts.GetValueOrDefault(r.Code) == district).Sum(r => r.Rd)
            / rows.Where(r => r.Year == year && districts.GetValueOrDefault(r.Code) == district).Sum(r => r.Revenue);

        var ratios = registry2022.Values.Distinct().Where(d => d.Length == 6 && registry2019.ContainsValue(d))
            .Select(d => Intensity(2022, registry2022, d) / Intensity(2019, registry2019, d)).ToList();
        Assert.Contains(ratios, r => r >= 1.8);
        Assert.Contains(ratios, r => r < 1.5);
    }

    private Dictionary<string, string> Registry(int year) =>
        FeedReaders.CsvData(FeedReaders.Csv(output.PathOf(output.Files("registry", "yy").Single(f => f.Path.Contains($"{year}-12-31", StringComparison.Ordinal))), FeedReaders.Gbk()))
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First()[2]);
}

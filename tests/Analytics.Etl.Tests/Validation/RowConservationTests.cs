using System.Text;
using Analytics.Etl.Contracts;
using Analytics.Etl.Tests.Support;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Tests.Validation;

/// <summary>A registry extract carrying every kind of dirt EXTRACTS.md lists: every row is accounted for.</summary>
public sealed class RowConservationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_dirty_registry_extract_accounts_for_every_row()
    {
        var code3 = Codes.Credit(3);
        var csv = new RegistryCsv()
            .Row(1)                                                                     // clean
            .Row(2, ("统一社会信用代码", Codes.WrongCheck(Codes.Credit(2))))             // wrong check digit → quarantined
            .Row(3, ("统一社会信用代码", code3.Replace('0', 'O')))                        // O for zero → fixed, noted
            .Row(4, ("统一社会信用代码", Codes.FullWidth(Codes.Credit(4))))              // full-width digits → fixed
            .Row(5, ("企业名称", "重庆测试5科技有限公司   "))                              // trailing spaces → trimmed
            .Row(6).Row(6)                                                              // the same record twice → one loaded
            .Row(7).Row(7, ("从业人员", "70"))                                           // twice with different values → both quarantined
            .Row(8, ("成立日期", "2010/5/6")).Row(9, ("成立日期", "2010年5月6日"))
            .Row(10, ("成立日期", "20100506")).Row(11, ("成立日期", "40304"))           // four date forms → loaded
            .Row(12, ("营业收入(万元)", "12345678901"))                                  // 元 in a 万元 column → quarantined
            .Row(13, ("行政区划代码", "璧山区")).Row(14, ("行政区划代码", "璧山县"))       // names, an old county name → mapped
            .RawLine("")                                                                // blank line → skipped
            .RawLine("合计,14家,,,,,,,,,,");                                             // totals → quarantined

        var (result, sink) = Loads.Run(FeedKind.Registry, csv.Write(folder));

        Assert.Equal(18, result.RowsRead);
        Assert.Equal(1, result.RowsSkippedBlank);
        Assert.Equal(
            new Dictionary<string, long>
            {
                [RuleIds.CreditCodeCheckDigit] = 1,
                [RuleIds.DuplicateRow] = 1,
                [RuleIds.DuplicateKeyConflict] = 2,
                [RuleIds.AmountUnitSuspect] = 1,
                [RuleIds.TotalsRow] = 1,
            },
            result.QuarantinedByRule);
        Assert.Equal(11, result.RowsAccepted);
        Assert.Equal(result.RowsRead, result.RowsAccepted + result.RowsQuarantined + result.RowsSkippedBlank);
        Assert.Contains(code3, sink.Rows.Select(r => r[RegistryContract.CreditCode]));
        Assert.Equal("重庆测试5科技有限公司", sink.Rows.Single(r => Equals(r[RegistryContract.CreditCode], Codes.Credit(5)))[RegistryContract.Name]);
        Assert.All(sink.Rejections, r => Assert.False(string.IsNullOrEmpty(r.RawRow)));
    }

    [Fact]
    public void Distinct_keys_never_collide_in_the_duplicate_index()
    {
        // Counter-like credit codes are what real registries hold; a weak hash once reported thousands of false conflicts.
        var contract = RegistryContract.Contract;
        var record = new FeedRecord(contract);
        var seen = new HashSet<ulong>();
        for (var i = 0; i < 300_000; i++)
        {
            record.Clear();
            record.SetText(RegistryContract.CreditCode, Codes.Credit(i));
            record.SetDate(RegistryContract.AsOf, new DateOnly(2016, 12, 31));
            Assert.True(seen.Add(KeyHash.OfKey(record)), $"collision at {i}");
        }
    }

    [Fact]
    public void Every_rule_id_is_described_and_unique()
    {
        var ids = typeof(RuleIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(RuleIds.Descriptions.ContainsKey(id), id));
        var doc = Path.Combine(RepoRoot(), "docs", "extracts.md");
        if (File.Exists(doc))
        {
            var text = File.ReadAllText(doc, Encoding.UTF8);
            Assert.All(ids, id => Assert.Contains($"`{id}`", text, StringComparison.Ordinal));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

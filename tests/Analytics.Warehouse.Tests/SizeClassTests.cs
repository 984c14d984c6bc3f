using Analytics.DuckDb;
using Analytics.Warehouse.Tests.Support;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// Size-class derivation at every threshold of 工信部联企业〔2011〕300号 (shared/reference/sme-size-classes.md): for each
/// sector and each of its large/medium/small thresholds, a firm exactly at the threshold and firms just below it in
/// each figure. The thresholds are written out here, independently of the warehouse's catalog.
/// </summary>
public sealed class SizeClassTests(SizeClassTests.SizeLake lake) : IClassFixture<SizeClassTests.SizeLake>
{
    /// <summary>(sector, a class code of it, large, medium, small) with (employees, revenue, assets) thresholds; null = not used.</summary>
    private static readonly (string Sector, string Industry, Limits Large, Limits Medium, Limits Small)[] Sectors =
    [
        ("农林牧渔", "A0111", new(null, 20000, null), new(null, 500, null), new(null, 50, null)),
        ("工业", "C3670", new(1000, 40000, null), new(300, 2000, null), new(20, 300, null)),
        ("工业 (mining)", "B0610", new(1000, 40000, null), new(300, 2000, null), new(20, 300, null)),
        ("工业 (utilities)", "D4411", new(1000, 40000, null), new(300, 2000, null), new(20, 300, null)),
        ("建筑业", "E4710", new(null, 80000, 80000), new(null, 6000, 5000), new(null, 300, 300)),
        ("批发业", "F5110", new(200, 40000, null), new(20, 5000, null), new(5, 1000, null)),
        ("零售业", "F5210", new(300, 20000, null), new(50, 500, null), new(10, 100, null)),
        ("交通运输业", "G5410", new(1000, 30000, null), new(300, 3000, null), new(20, 200, null)),
        ("仓储业", "G5910", new(200, 30000, null), new(100, 1000, null), new(20, 100, null)),
        ("邮政业", "G6010", new(1000, 30000, null), new(300, 2000, null), new(20, 100, null)),
        ("住宿业", "H6110", new(300, 10000, null), new(100, 2000, null), new(10, 100, null)),
        ("餐饮业", "H6210", new(300, 10000, null), new(100, 2000, null), new(10, 100, null)),
        ("信息传输业", "I6410", new(2000, 100000, null), new(100, 1000, null), new(10, 100, null)),
        ("软件和信息技术服务业", "I6510", new(300, 10000, null), new(100, 1000, null), new(10, 50, null)),
        ("房地产开发经营", "K7010", new(null, 200000, 10000), new(null, 1000, 5000), new(null, 100, 2000)),
        ("物业管理", "K7020", new(1000, 5000, null), new(300, 1000, null), new(100, 500, null)),
        ("租赁和商务服务业", "L7212", new(300, null, 120000), new(100, null, 8000), new(10, null, 100)),
        ("其他未列明行业", "M7310", new(300, null, null), new(100, null, null), new(10, null, null)),
    ];

    public static TheoryData<string, string, int, decimal, decimal, string> Cases()
    {
        var data = new TheoryData<string, string, int, decimal, decimal, string>();
        var serial = 0;
        foreach (var (sector, industry, large, medium, small) in Sectors)
        {
            var levels = new[] { ("大型", large, "中型"), ("中型", medium, "小型"), ("小型", small, "微型") };
            foreach (var (level, limits, below) in levels)
            {
                var at = limits.At();
                data.Add(Code(++serial), industry, at.Employees, at.Revenue, at.Assets, level);
                if (limits.Employees is not null)
                {
                    data.Add(Code(++serial), industry, at.Employees - 1, at.Revenue, at.Assets, below);
                }

                if (limits.Revenue is not null)
                {
                    data.Add(Code(++serial), industry, at.Employees, at.Revenue - 0.01m, at.Assets, below);
                }

                if (limits.Assets is not null)
                {
                    data.Add(Code(++serial), industry, at.Employees, at.Revenue, at.Assets - 0.01m, below);
                }
            }

            _ = sector;
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Size_class_is_derived_at_each_threshold(string creditCode, string industry, int employees, decimal revenue, decimal assets, string expected)
    {
        var row = Db.Rows(lake.Connection,
            "SELECT size_class_derived, size_class, size_source, is_sme FROM fact_enterprise_year WHERE credit_code = $c", ("c", creditCode));
        Assert.True(row.Count == 1, $"{creditCode} ({industry}, {employees} persons, {revenue} / {assets} 万元) is missing");
        Assert.Equal(expected, row[0]["size_class_derived"]);
        Assert.Equal(expected, row[0]["size_class"]);
        Assert.Equal("derived", row[0]["size_source"]);
        Assert.Equal(expected != "大型", row[0]["is_sme"]);
    }

    [Fact]
    public void The_registry_size_wins_and_a_disagreement_is_flagged()
    {
        var row = Db.Rows(lake.Connection,
            "SELECT size_class, size_class_derived, size_mismatch, size_source FROM fact_enterprise_year WHERE credit_code = $c", ("c", SizeLake.Mismatch));
        Assert.Equal(("小型", "大型", true, "registry"),
            ((string)row[0]["size_class"]!, (string)row[0]["size_class_derived"]!, (bool)row[0]["size_mismatch"]!, (string)row[0]["size_source"]!));
    }

    [Fact]
    public void A_missing_figure_leaves_the_size_unknown_and_the_firm_not_an_sme()
    {
        var row = Db.Rows(lake.Connection,
            "SELECT size_class, size_class_derived, is_sme FROM fact_enterprise_year WHERE credit_code = $c", ("c", SizeLake.MissingAssets));
        Assert.Null(row[0]["size_class_derived"]);
        Assert.Equal("未知", row[0]["size_class"]);
        Assert.False((bool)row[0]["is_sme"]!);
    }

    private static string Code(int serial) => Fixture.Code("91", "430602", 1000 + serial);

    /// <summary>Thresholds of one size level.</summary>
    private sealed record Limits(int? Employees, decimal? Revenue, decimal? Assets)
    {
        /// <summary>A firm exactly at every threshold (figures the level does not use are set to 1).</summary>
        public (int Employees, decimal Revenue, decimal Assets) At() => (Employees ?? 1, Revenue ?? 1m, Assets ?? 1m);
    }

    /// <summary>A lake holding one 2020 registry row per case, without size classes, and its warehouse.</summary>
    public sealed class SizeLake : IDisposable
    {
        public static readonly string Mismatch = Fixture.Code("91", "430602", 999_001);
        public static readonly string MissingAssets = Fixture.Code("91", "430602", 999_002);
        private readonly FixtureLake _lake = new();

        public SizeLake()
        {
            var rows = Cases().Select(c => new RegistryRow(
                (string)c[0], "430602", (string)c[1], 2020, (int)c[2], (decimal)c[3], (decimal)c[4], null)).ToList();
            rows.Add(new RegistryRow(Mismatch, "430602", "C3670", 2020, 5000, 90000m, 1m, "小型"));
            rows.Add(new RegistryRow(MissingAssets, "430602", "E4710", 2020, 10, 500m, null, null));
            _lake.WriteBatch("s1", Fixture.FirstLoad, rows, [], [], [], []);
            Connection = new DuckDbConnection();
            Connection.Open();
            WarehouseBuilder.Build(Connection, _lake.Root);
        }

        public DuckDbConnection Connection { get; }

        public void Dispose()
        {
            Connection.Dispose();
            _lake.Dispose();
        }
    }
}

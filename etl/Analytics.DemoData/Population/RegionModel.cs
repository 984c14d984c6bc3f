using Analytics.DemoData.Randomness;
using Analytics.Reference;

namespace Analytics.DemoData.Population;

/// <summary>
/// Everything that makes one region's story: its divisions (with weights and momentum), years, population size,
/// industry mix, and the knobs that set patenting, R&amp;D and survey levels.
/// </summary>
internal sealed class RegionModel
{
    public required string Code { get; init; }

    /// <summary>The word used in names and titles, e.g. 重庆.</summary>
    public required string CityWord { get; init; }

    public required string CityName { get; init; }

    public required IReadOnlyList<Territory> Territories { get; init; }

    public required IndustryMix Industries { get; init; }

    /// <summary>Firms alive when the window opens.</summary>
    public required long Incumbents { get; init; }

    /// <summary>Firms founded inside the window.</summary>
    public required long Newcomers { get; init; }

    public required DateOnly WindowStart { get; init; }

    /// <summary>The last day any feed reports on.</summary>
    public required DateOnly DataEnd { get; init; }

    public required IReadOnlyList<DateOnly> Snapshots { get; init; }

    /// <summary>Years covered by R&amp;D reports and the survey.</summary>
    public required IReadOnlyList<int> ReportYears { get; init; }

    /// <summary>Recognition years (start earlier than the registry so holdings at the baseline exist).</summary>
    public required IReadOnlyList<int> RecognitionYears { get; init; }

    public required int PlanBaselineYear { get; init; }

    /// <summary>First year with patent applications.</summary>
    public required int PatentHistoryStart { get; init; }

    /// <summary>Share of firms that file patents at all.</summary>
    public required double PatentActiveShare { get; init; }

    /// <summary>Share of firms able to obtain invention patents.</summary>
    public required double InventorShare { get; init; }

    /// <summary>Multiplier on each active firm's patent volume.</summary>
    public required double PatentVolume { get; init; }

    /// <summary>Relative chance of a firm's first invention grant falling in each year (before momentum).</summary>
    public required IReadOnlyDictionary<int, double> FirstGrantYearWeights { get; init; }

    /// <summary>Share of firms (beyond the innovators) that report R&amp;D spending.</summary>
    public required double RdPanelShare { get; init; }

    /// <summary>Sampling fraction of the informatization survey.</summary>
    public required double SurveyFraction { get; init; }

    /// <summary>The province-scale benchmark region rather than a real city.</summary>
    public bool IsProvince { get; init; }

    public ulong Salt { get; init; }

    public long Population => Incumbents + Newcomers;

    public int FirstYear => WindowStart.Year;

    public int LastYear => DataEnd.Year;

    private static readonly Dictionary<string, double> ChongqingWeights = new(StringComparer.Ordinal)
    {
        ["500101"] = 3.5, ["500102"] = 3, ["500103"] = 4.5, ["500104"] = 1.5, ["500105"] = 4.5, ["500106"] = 4.5,
        ["500107"] = 6, ["500108"] = 4, ["500109"] = 2.5, ["500110"] = 1.8, ["500111"] = 1.8, ["500112"] = 7,
        ["500113"] = 3, ["500114"] = 0.8, ["500115"] = 1.8, ["500116"] = 2.5, ["500117"] = 2.2, ["500118"] = 2.2,
        ["500119"] = 1, ["500120"] = 1.8, ["500151"] = 1.3, ["500152"] = 1, ["500153"] = 1.3, ["500154"] = 1.3,
        ["500155"] = 1, ["500156"] = 0.5, ["500229"] = 0.3, ["500230"] = 0.6, ["500231"] = 0.8, ["500233"] = 0.7,
        ["500235"] = 0.8, ["500236"] = 0.7, ["500237"] = 0.4, ["500238"] = 0.3, ["500240"] = 0.5, ["500241"] = 0.6,
        ["500242"] = 0.4, ["500243"] = 0.4,
    };

    private static readonly Dictionary<string, double> YueyangWeights = new(StringComparer.Ordinal)
    {
        ["430602"] = 3.5, ["430603"] = 1.2, ["430611"] = 0.8, ["430621"] = 1.2, ["430623"] = 1.2, ["430624"] = 1.2,
        ["430626"] = 1.3, ["430681"] = 1.6, ["430682"] = 1.0,
    };

    /// <summary>CQ2013: 38 divisions, registry snapshots at the ends of 2012–2016, ~30,000 firms alive at scale 1.</summary>
    public static RegionModel Chongqing(ulong seed, double scale) => new()
    {
        Code = "cq",
        CityWord = "重庆",
        CityName = "重庆市",
        Territories = BuildTerritories(seed, "500000", ChongqingWeights, "cq"),
        Industries = IndustryMix.Chongqing,
        Incumbents = Scaled(27_000, scale),
        Newcomers = Scaled(15_500, scale),
        WindowStart = new DateOnly(2012, 1, 1),
        DataEnd = new DateOnly(2016, 12, 31),
        Snapshots = YearEnds(2012, 2016),
        ReportYears = [2012, 2013, 2014, 2015, 2016],
        RecognitionYears = [2011, 2012, 2013, 2014, 2015, 2016],
        PlanBaselineYear = 2012,
        PatentHistoryStart = 2006,
        PatentActiveShare = 0.10,
        InventorShare = 0.05,
        PatentVolume = 1.0,
        FirstGrantYearWeights = Weights(2008, [2, 3, 4, 5, 6, 7, 8, 9, 9]),
        RdPanelShare = 0.06,
        SurveyFraction = 0.07,
        Salt = Rng.Hash(seed, 0xC0),
    };

    /// <summary>YY2020: 9 县市区, snapshots at the ends of 2018–2023, ~8,000 firms alive at scale 1.</summary>
    public static RegionModel Yueyang(ulong seed, double scale) => new()
    {
        Code = "yy",
        CityWord = "岳阳",
        CityName = "岳阳市",
        Territories = BuildTerritories(seed, "430600", YueyangWeights, "yy"),
        Industries = IndustryMix.Yueyang,
        Incumbents = Scaled(7_000, scale),
        Newcomers = Scaled(4_300, scale),
        WindowStart = new DateOnly(2018, 1, 1),
        DataEnd = new DateOnly(2023, 12, 31),
        Snapshots = YearEnds(2018, 2023),
        ReportYears = [2018, 2019, 2020, 2021, 2022, 2023],
        RecognitionYears = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
        PlanBaselineYear = 2019,
        PatentHistoryStart = 2010,
        PatentActiveShare = 0.16,
        InventorShare = 0.11,
        PatentVolume = 1.0,
        FirstGrantYearWeights = Weights(2012, [2, 3, 3, 4, 5, 5, 6, 7, 7, 12, 9.5, 10, 7]),
        RdPanelShare = 0.22,
        SurveyFraction = 0.08,
        Salt = Rng.Hash(seed, 0x77),
    };

    /// <summary>
    /// The benchmark region: Chongqing's divisions with k × 5 million firms in one snapshot (2015-12-31), patents from
    /// 2006, R&amp;D and survey 2008–2015 — sized so the feeds reach about k × (20 M patents, 25 M R&amp;D rows, 2.5 M survey rows).
    /// </summary>
    public static RegionModel Province(ulong seed, double k) => new()
    {
        Code = "pv",
        CityWord = "重庆",
        CityName = "模拟省",
        Territories = BuildTerritories(seed, "500000", ChongqingWeights, "pv"),
        Industries = IndustryMix.Chongqing,
        Incumbents = Scaled(4_600_000, k),
        Newcomers = Scaled(400_000, k),
        WindowStart = new DateOnly(2015, 1, 1),
        DataEnd = new DateOnly(2015, 12, 31),
        Snapshots = [new DateOnly(2015, 12, 31)],
        ReportYears = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015],
        RecognitionYears = [],
        PlanBaselineYear = 2012,
        PatentHistoryStart = 2006,
        PatentActiveShare = 0.30,
        InventorShare = 0.12,
        PatentVolume = 1.35,
        FirstGrantYearWeights = Weights(2008, [2, 3, 4, 5, 6, 7, 8, 9]),
        RdPanelShare = 1.0,
        SurveyFraction = 0.10,
        IsProvince = true,
        Salt = Rng.Hash(seed, 0x9F),
    };

    private static long Scaled(long value, double scale) => Math.Max(1, (long)Math.Round(value * scale));

    private static DateOnly[] YearEnds(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(y => new DateOnly(y, 12, 31)).ToArray();

    private static Dictionary<int, double> Weights(int firstYear, double[] weights) =>
        weights.Select((w, i) => (Year: firstYear + i, w)).ToDictionary(p => p.Year, p => p.w);

    private static Territory[] BuildTerritories(ulong seed, string cityCode, Dictionary<string, double> weights, string region)
    {
        var reference = ReferenceData.Default;
        var current = reference.Districts.Where(d => d.CityCode == cityCode && d.ValidTo is null).ToList();
        var momenta = current.Select(d =>
        {
            var rng = Rng.For(seed, Streams.Momentum, ulong.Parse(d.Code, System.Globalization.CultureInfo.InvariantCulture), (ulong)region[0]);
            return 0.5 + (1.1 * rng.NextDouble());
        }).ToArray();

        // Normalise so the firm-weighted mean momentum is 1: momentum redistributes effort between districts
        // rather than changing the region's totals.
        var weightSum = current.Sum(d => weights.GetValueOrDefault(d.Code, 1.0));
        var weightedMean = current.Select((d, i) => weights.GetValueOrDefault(d.Code, 1.0) * momenta[i]).Sum() / weightSum;
        return current.Select((d, i) =>
        {
            var predecessor = reference.Districts.FirstOrDefault(p => p.SuccessorCode == d.Code);
            IReadOnlyList<District> codes = predecessor is null ? [d] : [predecessor, d];
            return new Territory(codes, ShortName(d.NameZh), weights.GetValueOrDefault(d.Code, 1.0), momenta[i] / weightedMean);
        }).ToArray();
    }

    private static string ShortName(string name)
    {
        if (name.Contains("自治县", StringComparison.Ordinal))
        {
            return name[..2];
        }

        return name.Length > 2 ? name[..^1] : name;
    }
}

using Analytics.DuckDb;

namespace Analytics.Dashboard.Data;

/// <summary>
/// What every page and endpoint needs to know about a snapshot before it queries numbers: plans, indicators with
/// their definitions, districts, industry groups and size classes, and the years each indicator has. Read once when
/// the snapshot is opened (the snapshot never changes), so validation and labels cost no query.
/// </summary>
public sealed class SnapshotCatalog
{
    private readonly Dictionary<string, IndicatorInfo> _indicators;

    internal SnapshotCatalog(
        IReadOnlyList<PlanInfo> plans, IReadOnlyList<IndicatorInfo> indicators, IReadOnlyList<DistrictInfo> districts,
        IReadOnlyList<IndustryInfo> industries, IReadOnlyList<SizeClassInfo> sizeClasses, DateTimeOffset? builtAt)
    {
        Plans = plans;
        Indicators = indicators;
        Districts = districts;
        Industries = industries;
        SizeClasses = sizeClasses;
        BuiltAt = builtAt;
        _indicators = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The plans, in id order.</summary>
    public IReadOnlyList<PlanInfo> Plans { get; }

    /// <summary>Every indicator, by plan and sort order.</summary>
    public IReadOnlyList<IndicatorInfo> Indicators { get; }

    /// <summary>Districts that appear in the marts, by plan and code.</summary>
    public IReadOnlyList<DistrictInfo> Districts { get; }

    /// <summary>Industry groups that appear in the marts, by plan and the plan's order.</summary>
    public IReadOnlyList<IndustryInfo> Industries { get; }

    /// <summary>Size classes that appear in the marts.</summary>
    public IReadOnlyList<SizeClassInfo> SizeClasses { get; }

    /// <summary>When the snapshot was built (from <c>build_lineage</c>), if it says.</summary>
    public DateTimeOffset? BuiltAt { get; }

    /// <summary>The indicator with this id, or null.</summary>
    public IndicatorInfo? Indicator(string id) => _indicators.GetValueOrDefault(id);

    /// <summary>The plan with this id, or null.</summary>
    public PlanInfo? Plan(string plan) => Plans.FirstOrDefault(p => p.Plan == plan);

    /// <summary>A plan's top-level indicators and their components.</summary>
    public IEnumerable<IndicatorInfo> IndicatorsOf(string plan) => Indicators.Where(i => i.Plan == plan);

    /// <summary>A plan's districts.</summary>
    public IEnumerable<DistrictInfo> DistrictsOf(string plan) => Districts.Where(d => d.Plan == plan);

    /// <summary>A plan's industry groups.</summary>
    public IEnumerable<IndustryInfo> IndustriesOf(string plan) => Industries.Where(d => d.Plan == plan);

    /// <summary>The district's Chinese name (or the code).</summary>
    public string DistrictName(string plan, string code, bool english) =>
        Districts.FirstOrDefault(d => d.Plan == plan && d.Code == code) is { } d ? (english ? d.NameEn ?? d.NameZh : d.NameZh) : code;

    /// <summary>The industry group's name (or the code).</summary>
    public string IndustryName(string plan, string code, bool english) =>
        Industries.FirstOrDefault(d => d.Plan == plan && d.Code == code) is { } d ? (english ? d.NameEn ?? d.NameZh : d.NameZh) : code;

    /// <summary>Reads the catalog of an open snapshot; tables the builder has not written (yet) fall back to what the mart says.</summary>
    internal static SnapshotCatalog Load(DuckDbConnection connection) => CatalogReader.Read(connection);
}

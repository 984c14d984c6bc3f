namespace Analytics.Dashboard.Data;

/// <summary>A policy plan: its name, period, baseline and target year.</summary>
public sealed record PlanInfo(
    string Plan, string NameZh, string? NameEn, string? DocumentNo, int? StartYear, int? BaselineYear, int? TargetYear,
    int FirstYear, int LastYear, int? DataToYear);

/// <summary>An indicator with its definition (口径) and caveats, as the catalog gives them.</summary>
/// <remarks>
/// <see cref="ValueFormat"/> and <see cref="Decimals"/> say how its numbers read (<see cref="Format"/>);
/// <see cref="Apportion"/> is <c>sme_share</c> when its city target is apportioned to districts and industry groups.
/// </remarks>
public sealed record IndicatorInfo(
    string Id, string Plan, string? ParentId, int SortOrder, string NameZh, string? NameEn, string? PlanSentence,
    string? DefinitionZh, string? DefinitionEn, string? Kind, string? Unit, string? SourceFeed, string? CaveatZh, string? CaveatEn,
    int FirstYear, int LastYear, double? TargetValue, int? TargetYear, string? Comparator, int? BaselineYear,
    TargetVersionInfo? TargetVersion = null, string? ValueFormat = null, int? Decimals = null, string? Apportion = null,
    string? ShortZh = null, string? ShortEn = null)
{
    /// <summary>How the indicator's value and measure read (the catalog's format, shared with every reader).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Analytics.Snapshots.Formatting.IndicatorFormat Format =>
        Analytics.Snapshots.Formatting.IndicatorFormat.Of(ValueFormat, Decimals, Kind, Unit);
}

/// <summary>
/// The version of an indicator's targets the snapshot judges against: 1 is the plan's (Analytics.Catalog/targets.csv), later
/// ones were recorded by an administrator, with who, when, why and the document behind it.
/// </summary>
public sealed record TargetVersionInfo(int Version, string? SourceDocument, string? RecordedBy, DateTimeOffset? RecordedAt, string? Reason)
{
    /// <summary>Whether this is the plan's own version rather than a revision.</summary>
    public bool FromPlan => RecordedAt is null;
}

/// <summary>A district (区县) of a plan's city.</summary>
public sealed record DistrictInfo(string Plan, string Code, string NameZh, string? NameEn);

/// <summary>An industry group the plan names (or UNKNOWN).</summary>
public sealed record IndustryInfo(string Plan, string Code, string NameZh, string? NameEn, int SortOrder);

/// <summary>A size class (中型/小型/微型 …).</summary>
public sealed record SizeClassInfo(string Code, string? NameEn, int SortOrder);

namespace Analytics.Dashboard.Data;

/// <summary>A policy plan: its name, period, baseline and target year.</summary>
public sealed record PlanInfo(
    string Plan, string NameZh, string? NameEn, string? DocumentNo, int? StartYear, int? BaselineYear, int? TargetYear,
    int FirstYear, int LastYear, int? DataToYear);

/// <summary>An indicator with its definition (口径) and caveats, as the catalog gives them.</summary>
public sealed record IndicatorInfo(
    string Id, string Plan, string? ParentId, int SortOrder, string NameZh, string? NameEn, string? PlanSentence,
    string? DefinitionZh, string? DefinitionEn, string? Kind, string? Unit, string? SourceFeed, string? CaveatZh, string? CaveatEn,
    int FirstYear, int LastYear, double? TargetValue, int? TargetYear, string? Comparator, int? BaselineYear);

/// <summary>A district (区县) of a plan's city.</summary>
public sealed record DistrictInfo(string Plan, string Code, string NameZh, string? NameEn);

/// <summary>An industry group the plan names (or UNKNOWN).</summary>
public sealed record IndustryInfo(string Plan, string Code, string NameZh, string? NameEn, int SortOrder);

/// <summary>A size class (中型/小型/微型 …).</summary>
public sealed record SizeClassInfo(string Code, string? NameEn, int SortOrder);

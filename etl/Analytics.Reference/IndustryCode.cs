namespace Analytics.Reference;

/// <summary>A GB/T 4754-2017 entry: a section (门类, a letter), a division (大类, 2 digits) or a group (中类, 3 digits).</summary>
/// <param name="Level">section, division or group.</param>
/// <param name="Code">The code at that level.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
public sealed record IndustryCode(string Level, string Code, string NameZh, string NameEn);

/// <summary>
/// A plan's industry group (e.g. CQ2013 装备制造) and the GB/T 4754 divisions, groups or sections it covers.
/// <c>*</c> in <see cref="Codes"/> is the catch-all group for everything not matched by another.
/// </summary>
/// <param name="Plan">CQ2013 or YY2020.</param>
/// <param name="GroupCode">Short code, e.g. EQUIP.</param>
/// <param name="GroupZh">Chinese name.</param>
/// <param name="GroupEn">English name.</param>
/// <param name="Codes">Sections (letters), divisions (2 digits) or groups (3 digits), or "*".</param>
/// <param name="SourceInPlan">Where in the plan text the grouping comes from.</param>
public sealed record PolicyIndustryGroup(
    string Plan, string GroupCode, string GroupZh, string GroupEn, IReadOnlyList<string> Codes, string SourceInPlan);

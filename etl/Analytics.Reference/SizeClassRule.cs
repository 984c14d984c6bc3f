namespace Analytics.Reference;

/// <summary>
/// One row of the SME size table of 工信部联企业〔2011〕300号 (size_class_rules.csv): the GB/T 4754 codes it covers and
/// the thresholds of large, medium and small. At or above every <see cref="Large"/> figure the enterprise is large,
/// else at or above every <see cref="Medium"/> figure medium, else every <see cref="Small"/> figure small, else micro.
/// </summary>
/// <param name="RuleId">Short id, e.g. INDUSTRY.</param>
/// <param name="SectorZh">Chinese name of the sector, as the notice names it.</param>
/// <param name="SectorEn">English name.</param>
/// <param name="Scope">Sections (letters), divisions (2 digits), groups (3 digits) or classes (4 digits), or "*" for every industry no other rule covers.</param>
/// <param name="Large">The ceiling of an SME: at or above all of these the enterprise is large.</param>
/// <param name="Medium">The floor of medium.</param>
/// <param name="Small">The floor of small; below it an enterprise is micro.</param>
/// <param name="Source">The notice the figures come from.</param>
public sealed record SizeClassRule(
    string RuleId,
    string SectorZh,
    string SectorEn,
    IReadOnlyList<string> Scope,
    SizeThresholds Large,
    SizeThresholds Medium,
    SizeThresholds Small,
    string Source);

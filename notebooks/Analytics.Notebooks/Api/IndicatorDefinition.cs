namespace Analytics.Notebooks.Api;

/// <summary>An indicator as the snapshot's catalog defines it (<c>indicator_catalog</c> and the target in force).</summary>
/// <param name="Id">Catalog id, e.g. <c>CQ-IT-ADOPT</c>.</param>
/// <param name="Plan">The plan, e.g. <c>CQ2013</c>.</param>
/// <param name="NameZh">Chinese name (the plan's wording).</param>
/// <param name="NameEn">English name.</param>
/// <param name="DefinitionZh">The definition (口径) in Chinese.</param>
/// <param name="DefinitionEn">The definition in English.</param>
/// <param name="Unit">The unit, e.g. <c>家 (enterprises)</c> or <c>比例 (0-1)</c>.</param>
/// <param name="Kind">count, cumulative_count, adoption, doubling_ratio, zero_breakthrough, …</param>
/// <param name="CaveatZh">What a reader must know (Chinese), if anything.</param>
/// <param name="TargetText">The city-level target in force, e.g. <c>≥ 10000 by 2015</c>, or null when there is none.</param>
/// <param name="TargetValue">The target's value, or null.</param>
/// <param name="Format">How its numbers read: the catalog's format, shared with the dashboard.</param>
public sealed record IndicatorDefinition(
    string Id,
    string Plan,
    string NameZh,
    string NameEn,
    string DefinitionZh,
    string DefinitionEn,
    string Unit,
    string Kind,
    string? CaveatZh,
    string? TargetText,
    double? TargetValue,
    Analytics.Snapshots.Formatting.IndicatorFormat Format)
{
    /// <summary>True for shares (0–1), which charts and tables show as percentages.</summary>
    public bool IsShare => !Format.Doubling && Format.Value.Kind == "percent";

    /// <summary>The chart axis title: the unit in both languages.</summary>
    public string AxisTitle => IsShare ? "比例 Share" : Kind == "doubling_ratio" ? "倍数（相对基期）Ratio to baseline" : Unit;

    /// <summary>The d3 format for chart values of the measure (the ratio of a doubling indicator, else the value).</summary>
    public string ValueFormat => Format.Measure.D3;

    /// <summary>The measure (the ratio of a doubling indicator, else the value) as text, as the dashboard shows it.</summary>
    public string Text(double? value) => Format.Measure.Format(value, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>"中文名 English name".</summary>
    public string Title => $"{NameZh} {NameEn}";
}

using System.Globalization;
using Analytics.Dashboard.Data;
using Analytics.Snapshots.Formatting;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// What a page compares and how it reads: doubling indicators are measured by their ratio to the baseline year (their
/// target and path are ratios), the others by their value. The text comes from the catalog's format
/// (<see cref="IndicatorFormat"/>, shared with the workbooks and the notebooks), so every page and chart reads alike.
/// </summary>
public static class Measure
{
    /// <summary>A survey share (0–1) with a confidence interval and a sample size.</summary>
    public static bool IsSurvey(IndicatorInfo i) => i?.Kind == "adoption";

    /// <summary>A doubling indicator: measured by its ratio to the baseline year.</summary>
    public static bool IsDoubling(IndicatorInfo i) => i?.Kind == "doubling_ratio";

    /// <summary>A survey estimate with a confidence interval.</summary>
    public static bool HasInterval(IndicatorInfo i) => IsSurvey(i);

    /// <summary>The number compared with the target: the ratio for doubling indicators, else the value.</summary>
    public static double? Measured(IndicatorInfo i, MartRow? r) => IsDoubling(i) ? r?.Ratio : r?.Value;

    /// <summary>The measured number (ratio or value) as text.</summary>
    public static string Format(IndicatorInfo i, double? v, CultureInfo culture) => i.Format.Measure.Format(v, culture);

    /// <summary>A target or path of the measure as text (counts: the whole number that reaches it).</summary>
    public static string Threshold(IndicatorInfo i, double? v, CultureInfo culture) => i.Format.Measure.FormatThreshold(v, culture);

    /// <summary>The plain value (not the ratio) as text: counts, sums, shares, ratios of sums.</summary>
    public static string FormatValue(IndicatorInfo i, double? v, CultureInfo culture) => i.Format.Value.Format(v, culture);

    /// <summary>Attainment as a percentage that never rounds onto a status band it has not reached.</summary>
    public static string Attainment(double? a, CultureInfo culture) => Analytics.Snapshots.Formatting.Attainment.Format(a, culture);

    /// <summary>The unit in the page's language, e.g. 家 / enterprises (empty for shares, which read as %).</summary>
    public static string Unit(IndicatorInfo i, bool english)
    {
        var unit = i?.Unit ?? "";
        var paren = unit.IndexOf(" (", StringComparison.Ordinal);
        if (paren < 0)
        {
            return unit;
        }

        return english ? unit[(paren + 2)..].TrimEnd(')') : unit[..paren];
    }

    /// <summary>The unit shown after a value (none for percentages and ratios, which carry their own sign).</summary>
    public static string ValueUnit(IndicatorInfo i, bool english) =>
        i.Format.Value.Kind is "count" or "amount" ? Unit(i, english) : "";
}

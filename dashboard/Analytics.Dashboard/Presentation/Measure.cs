using System.Globalization;
using Analytics.Dashboard.Data;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// How an indicator's numbers read: shares (0–1) as percentages, doubling ratios on the ratio scale (their target and
/// on-track path are ratios: 2.0 and 2^((y−B)/(T−B))), counts as whole numbers. Pure, one place for every page and chart.
/// </summary>
public static class Measure
{
    /// <summary>An adoption share (0–1).</summary>
    public static bool IsShare(IndicatorInfo i) => i?.Kind == "adoption" || (i?.Unit?.Contains("0-1", StringComparison.Ordinal) ?? false);

    /// <summary>A doubling indicator: measured by its ratio to the baseline year.</summary>
    public static bool IsDoubling(IndicatorInfo i) => i?.Kind == "doubling_ratio";

    /// <summary>A survey estimate with a confidence interval.</summary>
    public static bool HasInterval(IndicatorInfo i) => IsShare(i);

    /// <summary>The number compared with the target: the ratio for doubling indicators, else the value.</summary>
    public static double? Measured(IndicatorInfo i, MartRow r) => IsDoubling(i) ? r?.Ratio : r?.Value;

    /// <summary>The measured number as text in <paramref name="culture"/>.</summary>
    public static string Format(IndicatorInfo i, double? v, CultureInfo culture)
    {
        if (v is not { } x)
        {
            return "—";
        }

        if (IsShare(i))
        {
            return x.ToString("P1", culture);
        }

        if (IsDoubling(i))
        {
            return x.ToString("0.00", culture) + "×";
        }

        return Math.Abs(x - Math.Round(x)) < 1e-9 ? x.ToString("N0", culture) : x.ToString("N2", culture);
    }

    /// <summary>The plain value (not the ratio) as text: counts, sums, ratios of sums.</summary>
    public static string FormatValue(IndicatorInfo i, double? v, CultureInfo culture) =>
        IsDoubling(i) && v is { } x
            ? (Math.Abs(x - Math.Round(x)) < 1e-9 ? x.ToString("N0", culture) : x.ToString("G4", culture))
            : Format(i, v, culture);

    /// <summary>Attainment as a percentage.</summary>
    public static string Attainment(double? a, CultureInfo culture) => a is { } x ? x.ToString("P0", culture) : "—";

    /// <summary>The unit without its English gloss, e.g. 家.</summary>
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
}

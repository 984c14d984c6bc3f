using System.Globalization;

namespace Analytics.Snapshots.Formatting;

/// <summary>
/// How an indicator's numbers read, from its catalog row (Analytics.Catalog/indicators.csv: <c>value_format</c>,
/// <c>decimals</c>, <c>kind</c>): its value (a count, a share, an amount) and its measure — what is compared with the
/// target: the ratio to the baseline year for doubling indicators, else the value. The one formatter of indicator
/// numbers for the dashboard's pages, charts and workbooks and for the notebooks.
/// </summary>
public sealed record IndicatorFormat(NumberFormat Value, bool Doubling)
{
    /// <summary>The format of the number compared with the target.</summary>
    public NumberFormat Measure => Doubling ? NumberFormat.Ratio : Value;

    /// <summary>
    /// The format a catalog row gives. Snapshots built before the catalog named formats fall back on the kind and the
    /// unit (a share for adoption or a 比例 unit, else a count).
    /// </summary>
    public static IndicatorFormat Of(string? valueFormat, int? decimals, string? kind, string? unit)
    {
        var doubling = kind == "doubling_ratio";
        if (valueFormat is not null && NumberFormat.Kinds.Contains(valueFormat))
        {
            return new(new NumberFormat(valueFormat, Math.Clamp(decimals ?? 0, 0, 4)), doubling);
        }

        var share = kind == "adoption" || (!doubling && (unit?.StartsWith("比例", StringComparison.Ordinal) ?? false));
        return new(share ? new NumberFormat("percent", 1) : NumberFormat.Count, doubling);
    }
}

/// <summary>
/// Attainment (the measure over the target) as people read it: a percentage with one decimal that never rounds onto a
/// status threshold it has not reached — 89.96% reads 89.9%, not 90.0% beside "off track" (the bands are 90% and 100%).
/// </summary>
public static class Attainment
{
    private static readonly double[] Thresholds = [0.9, 1.0];

    /// <summary>The attainment as shown (a fraction, rounded to 0.1%, kept below any threshold the exact value is below).</summary>
    public static double? Shown(double? attainment)
    {
        if (attainment is not { } a || double.IsNaN(a) || double.IsInfinity(a))
        {
            return null;
        }

        var shown = Math.Round(a, 3, MidpointRounding.AwayFromZero);
        foreach (var t in Thresholds)
        {
            if (a < t && shown >= t)
            {
                shown = t - 0.001;
            }
        }

        return shown;
    }

    /// <summary>The attainment as text in <paramref name="culture"/>, "—" when there is none.</summary>
    public static string Format(double? attainment, CultureInfo culture) =>
        new NumberFormat("percent", 1).Format(Shown(attainment), culture);
}

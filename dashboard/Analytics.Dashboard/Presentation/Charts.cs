using System.Globalization;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Presentation;

/// <summary>The chart specs the pages draw, built from mart rows: pure, so tested without a browser.</summary>
public static class Charts
{
    /// <summary>An indicator's trend with the target, the on-track path and (for survey estimates) the 95% band.</summary>
    public static ChartSpec Trend(IndicatorInfo i, IReadOnlyList<MartRow> rows, UiContext ui, string title)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ui);
        var years = rows.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        var series = new List<ChartSeries>();
        if (Measure.HasInterval(i) && rows.Any(r => r.CiLow is not null))
        {
            series.Add(new("band", ui["ChartBand"], years, rows.Select(r => Measure.Measured(i, r)).ToList(),
                rows.Select(r => r.CiLow).ToList(), rows.Select(r => r.CiHigh).ToList()));
        }

        series.Add(new("value", Measure.IsDoubling(i) ? ui["ChartRatio"] : ui["ChartValue"], years,
            rows.Select(r => Measure.Measured(i, r)).ToList(), Text: rows.Select(r => StatusText(r, ui)).ToList()));
        if (rows.Any(r => r.TrajectoryValue is not null))
        {
            series.Add(new("path", ui["ChartPath"], years, rows.Select(r => r.TrajectoryValue).ToList()));
        }

        var target = rows.Where(r => r.TargetValue is not null).ToList();
        if (target.Count > 0)
        {
            series.Add(new("target", ui["ChartTarget"], target.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
                target.Select(r => r.TargetValue).ToList()));
        }

        return new("trend", title, FormatOf(i), series, i.Id + "-trend");
    }

    /// <summary>A breakdown for one year as ranked horizontal bars, labelled with each cell's status (icon and text).</summary>
    public static ChartSpec Ranking(IndicatorInfo i, IReadOnlyList<MartRow> rows, Func<MartRow, string> label, UiContext ui, string title, string fileName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(ui);
        var shown = rows.Where(r => Measure.Measured(i, r) is not null).ToList();
        return new("bars", title, FormatOf(i),
            [new("bar", Measure.IsDoubling(i) ? ui["ChartRatio"] : ui["ChartValue"], shown.Select(label).ToList(),
                shown.Select(r => Measure.Measured(i, r)).ToList(), Text: shown.Select(r => StatusText(r, ui)).ToList())],
            fileName);
    }

    /// <summary>Attainment of each indicator for a district (or industry group) beside the city's.</summary>
    public static ChartSpec Compare(
        IReadOnlyList<(string Name, double? Here, double? City)> points, string hereName, UiContext ui, string title, string fileName)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(ui);
        var names = points.Select(p => p.Name).ToList();
        return new("compare", title, "percent",
        [
            new("bar", hereName, names, points.Select(p => p.Here).ToList()),
            new("city", ui["City"], names, points.Select(p => p.City).ToList()),
        ], fileName);
    }

    private static string FormatOf(IndicatorInfo i) => Measure.IsShare(i) ? "percent" : Measure.IsDoubling(i) ? "ratio" : "number";

    private static string StatusText(MartRow r, UiContext ui)
    {
        if (r.Withheld)
        {
            return ui["SmallCell"];
        }

        var s = StatusView.Of(r.Status);
        return r.Status is null ? "" : s.Icon + " " + ui[s.LabelKey];
    }
}

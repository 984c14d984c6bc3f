using System.Globalization;
using Analytics.Dashboard.Data;
using Analytics.Dashboard.Localization;

namespace Analytics.Dashboard.Presentation;

/// <summary>The chart specs the pages draw, built from mart rows: pure, so tested without a browser.</summary>
public static class Charts
{
    /// <summary>An indicator's trend with the target, the on-track path and (for survey estimates) the 95% band.</summary>
    public static ChartSpec Trend(IndicatorInfo i, IReadOnlyList<MartRow> rows, UiContext ui, string title, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(caption);
        var years = rows.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        var series = new List<ChartSeries>();
        if (Measure.HasInterval(i) && rows.Any(r => r.CiLow is not null))
        {
            series.Add(new("band", ui["ChartBand"], years, rows.Select(r => Measure.Measured(i, r)).ToList(),
                rows.Select(r => r.CiLow).ToList(), rows.Select(r => r.CiHigh).ToList()));
        }

        series.Add(new("value", Measure.IsDoubling(i) ? ui["ChartRatio"] : ui["ChartValue"], years,
            rows.Select(r => Measure.Measured(i, r)).ToList(), Text: rows.Select(r => StatusText(r, ui)).ToList())
        {
            Labels = rows.Select(r => Measure.Format(i, Measure.Measured(i, r), ui.Culture)).ToList(),
        });
        if (rows.Any(r => r.TrajectoryValue is not null))
        {
            series.Add(new("path", ui["ChartPath"], years, rows.Select(r => r.TrajectoryValue).ToList())
            {
                Labels = rows.Select(r => Measure.Threshold(i, r.TrajectoryValue, ui.Culture)).ToList(),
            });
        }

        var target = rows.Where(r => r.TargetValue is not null).ToList();
        if (target.Count > 0)
        {
            series.Add(new("target", ui["ChartTarget"], target.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
                target.Select(r => r.TargetValue).ToList())
            {
                Labels = target.Select(r => Measure.Threshold(i, r.TargetValue, ui.Culture)).ToList(),
            });
        }

        return new("trend", title, ChartFormat.Of(i.Format.Measure), series, i.Id + "-trend")
        {
            Subtitle = caption.Subtitle, Footer = caption.Footer,
        };
    }

    /// <summary>
    /// A breakdown for one year as horizontal bars in the order of <paramref name="entries"/> (<see cref="Ranking"/>):
    /// labelled with the value drawn (and the sample size of survey estimates), the on-track path as a marker per bar,
    /// 95% intervals as error bars, small samples flagged, and the undrawn cells listed with why.
    /// </summary>
    public static ChartSpec Ranking(IndicatorInfo i, IReadOnlyList<RankingEntry> entries, UiContext ui, string title, string fileName, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(caption);
        var drawn = entries.Where(e => e.Kind is RankingKind.Ranked or RankingKind.SmallSample).ToList();
        var names = drawn.Select(e => e.Label).ToList();
        var survey = Measure.HasInterval(i);
        var series = new List<ChartSeries>
        {
            new("bar", Measure.IsDoubling(i) ? ui["ChartRatio"] : ui["ChartValue"], names,
                drawn.Select(e => Measure.Measured(i, e.Row)).ToList(),
                survey ? drawn.Select(e => e.Row.CiLow).ToList() : null,
                survey ? drawn.Select(e => e.Row.CiHigh).ToList() : null,
                drawn.Select(e => HoverText(i, e, ui)).ToList())
            {
                Labels = drawn.Select(e => BarLabel(i, e, ui)).ToList(),
                Links = drawn.Select(e => e.Href).ToList(),
                Flags = drawn.Select(e => e.Kind == RankingKind.SmallSample).ToList(),
            },
        };
        if (drawn.Any(e => e.Row.TrajectoryValue is not null))
        {
            series.Add(new("path", ui["ChartPath"], names, drawn.Select(e => e.Row.TrajectoryValue).ToList())
            {
                Labels = drawn.Select(e => Measure.Threshold(i, e.Row.TrajectoryValue, ui.Culture)).ToList(),
            });
        }

        var notes = entries.Where(e => e.Kind is not (RankingKind.Ranked or RankingKind.SmallSample))
            .Select(e => new ChartNote(e.Label, NoteText(i, e, ui), e.Href)).ToList();
        return new("bars", title, ChartFormat.Of(i.Format.Measure), series, fileName)
        {
            Subtitle = caption.Subtitle, Footer = caption.Footer, Notes = notes.Count > 0 ? notes : null,
        };
    }

    /// <summary>Attainment of each indicator for a district (or industry group) beside the city's.</summary>
    public static ChartSpec Compare(
        IReadOnlyList<(string Name, double? Here, double? City)> points, string hereName, UiContext ui, string title, string fileName, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(caption);
        var names = points.Select(p => p.Name).ToList();
        var percent = new Analytics.Snapshots.Formatting.NumberFormat("percent", 1);
        return new("compare", title, ChartFormat.Of(percent),
        [
            new("bar", hereName, names, points.Select(p => Analytics.Snapshots.Formatting.Attainment.Shown(p.Here)).ToList())
            {
                Labels = points.Select(p => Measure.Attainment(p.Here, ui.Culture)).ToList(),
            },
            new("city", ui["City"], names, points.Select(p => Analytics.Snapshots.Formatting.Attainment.Shown(p.City)).ToList())
            {
                Labels = points.Select(p => Measure.Attainment(p.City, ui.Culture)).ToList(),
            },
        ], fileName)
        {
            Subtitle = caption.Subtitle, Footer = caption.Footer,
        };
    }

    private static string BarLabel(IndicatorInfo i, RankingEntry e, UiContext ui)
    {
        var text = Measure.Format(i, Measure.Measured(i, e.Row), ui.Culture);
        if (e.Row.SampleSize is { } n && Measure.HasInterval(i))
        {
            text += " " + string.Format(ui.Culture, ui["SampleN"], n);
        }

        return text;
    }

    private static string HoverText(IndicatorInfo i, RankingEntry e, UiContext ui)
    {
        var parts = new List<string>();
        if (StatusText(e.Row, ui) is { Length: > 0 } status)
        {
            parts.Add(status);
        }

        if (e.Row.TrajectoryValue is { } path)
        {
            parts.Add(ui["Path"] + " " + Measure.Threshold(i, path, ui.Culture));
        }

        if (Measure.IsDoubling(i) && e.Row.Value is { } v)
        {
            parts.Add(ui["Value"] + " " + Measure.FormatValue(i, v, ui.Culture));
        }

        if (Measure.HasInterval(i) && e.Row.CiLow is { } lo && e.Row.CiHigh is { } hi)
        {
            parts.Add(ui["Interval"] + " " + Measure.Format(i, lo, ui.Culture) + " – " + Measure.Format(i, hi, ui.Culture));
        }

        if (e.Kind == RankingKind.SmallSample)
        {
            parts.Add(string.Format(ui.Culture, ui["SmallSampleTip"], Presentation.Ranking.MinSample));
        }

        return string.Join("<br>", parts.Select(System.Net.WebUtility.HtmlEncode));
    }

    /// <summary>Why a cell has no bar.</summary>
    public static string NoteText(IndicatorInfo i, RankingEntry e, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(ui);
        return e.Kind switch
        {
            RankingKind.ZeroBaseline => string.Format(ui.Culture, ui["NoteZeroBaseline"], e.Row.BaselineYear, e.Row.Year,
                Measure.FormatValue(i, e.Row.Value, ui.Culture)),
            RankingKind.NoBaseline => string.Format(ui.Culture, ui["NoteNoBaseline"], e.Row.BaselineYear, e.Row.Year,
                Measure.FormatValue(i, e.Row.Value, ui.Culture)),
            RankingKind.Withheld => ui["SmallCell"],
            _ => ui["NoData"],
        };
    }

    /// <summary>A row's status as icon and word (withheld rows say so).</summary>
    public static string StatusText(MartRow r, UiContext ui)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(ui);
        if (r.Withheld)
        {
            return ui["SmallCell"];
        }

        var s = StatusView.Of(r.Status);
        return r.Status is null ? "" : s.Icon + " " + ui[s.LabelKey];
    }
}

/// <summary>What a downloaded chart carries besides its title: the indicator and filters, the unit, the source and snapshot.</summary>
public sealed record ChartCaption(IReadOnlyList<string> Subtitle, string Footer);

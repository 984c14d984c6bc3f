using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>
/// CI band: each series as a line with markers and its 95% confidence interval as a shaded band, against a dashed
/// target line. Used for survey-based adoption shares.
/// </summary>
public static class ConfidenceBandChart
{
    /// <summary>Builds the figure; points without <see cref="ChartPoint.Low"/>/<see cref="ChartPoint.High"/> have no band.</summary>
    public static Figure Create(ChartSpec spec, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(series);
        var data = new JsonArray();
        var points = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var colour = ChartStyle.Palette[i % ChartStyle.Palette.Length];
            var s = series[i];
            var xs = ChartStyle.Values(s.Points.Select(p => p.X));
            // The band: the lower bound, invisible, then the upper bound filled down to it.
            data.Add(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["name"] = s.Name + " 95% CI", ["showlegend"] = false,
                ["x"] = xs.DeepClone(), ["y"] = ChartStyle.Values(s.Points.Select(p => (object?)p.Low)),
                ["line"] = new JsonObject { ["width"] = 0, ["color"] = colour }, ["hoverinfo"] = "skip",
            });
            data.Add(new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["name"] = s.Name + " 95%置信区间 CI",
                ["x"] = xs.DeepClone(), ["y"] = ChartStyle.Values(s.Points.Select(p => (object?)p.High)),
                ["fill"] = "tonexty", ["fillcolor"] = Translucent(colour),
                ["line"] = new JsonObject { ["width"] = 0, ["color"] = colour }, ["hoverinfo"] = "skip",
            });
            data.Add(TargetLineChart.LineTrace(s, colour, spec.ValueFormat));
            points += s.Points.Count;
        }

        var allX = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().ToList();
        if (spec.Target is not null && allX.Count > 0)
        {
            data.Add(ChartStyle.TargetTrace(spec, allX));
        }

        var layout = ChartStyle.Layout(spec);
        TargetLineChart.YearAxis(layout, allX);
        return new Figure(ChartStyle.Slug(spec), spec, data, layout, points);
    }

    private static string Translucent(string hex)
    {
        var r = Convert.ToInt32(hex[1..3], 16);
        var g = Convert.ToInt32(hex[3..5], 16);
        var b = Convert.ToInt32(hex[5..7], 16);
        return $"rgba({r},{g},{b},0.18)";
    }
}

using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>
/// Line-with-target-and-trajectory: each series as a line with markers over the years, the target as a dashed line
/// and the on-track path (INDICATORS.md's trajectory) as a dotted line. Used for counts and doubling ratios.
/// </summary>
public static class TargetLineChart
{
    /// <summary>Builds the figure; <paramref name="trajectory"/> is the on-track path per year (may be empty).</summary>
    public static Figure Create(ChartSpec spec, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartPoint>? trajectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(series);
        var data = new JsonArray();
        var points = 0;
        for (var i = 0; i < series.Count; i++)
        {
            data.Add(LineTrace(series[i], ChartStyle.Palette[i % ChartStyle.Palette.Length], spec.ValueFormat));
            points += series[i].Points.Count;
        }

        if (trajectory is { Count: > 0 })
        {
            data.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = "达标路径 On-track path",
                ["x"] = ChartStyle.Values(trajectory.Select(p => p.X)),
                ["y"] = ChartStyle.Values(trajectory.Select(p => (object?)p.Y)),
                ["line"] = new JsonObject { ["color"] = ChartStyle.TrajectoryColour, ["dash"] = "dot", ["width"] = 2 },
            });
        }

        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Concat(trajectory?.Select(p => p.X) ?? []).Distinct().ToList();
        if (spec.Target is not null && xs.Count > 0)
        {
            data.Add(ChartStyle.TargetTrace(spec, xs));
        }

        var layout = ChartStyle.Layout(spec);
        YearAxis(layout, xs);
        return new Figure(ChartStyle.Slug(spec), spec, data, layout, points);
    }

    internal static JsonObject LineTrace(ChartSeries series, string colour, string? valueFormat) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines+markers+text",
        ["name"] = series.Name,
        ["x"] = ChartStyle.Values(series.Points.Select(p => p.X)),
        ["y"] = ChartStyle.Values(series.Points.Select(p => (object?)p.Y)),
        ["texttemplate"] = valueFormat is null ? "%{y}" : "%{y:" + valueFormat + "}",
        ["textposition"] = "top center",
        ["textfont"] = new JsonObject { ["size"] = 11, ["color"] = colour },
        ["line"] = new JsonObject { ["color"] = colour, ["width"] = 2.5 },
        ["marker"] = new JsonObject { ["color"] = colour, ["size"] = 8 },
    };

    /// <summary>Years on the x axis: one tick per year, no thousands separator.</summary>
    internal static void YearAxis(JsonObject layout, IReadOnlyList<object> xs)
    {
        if (xs.Count > 0 && xs.All(x => x is int or long))
        {
            var axis = (JsonObject)layout["xaxis"]!;
            axis["dtick"] = 1;
            axis["tickformat"] = "d";
        }
    }
}

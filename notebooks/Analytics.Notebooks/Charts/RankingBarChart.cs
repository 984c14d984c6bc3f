using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>
/// Bar ranking: one horizontal bar per category (district, industry group), largest at the top, with the target as a
/// vertical dashed line and, optionally, one category highlighted (the district of a brief).
/// </summary>
public static class RankingBarChart
{
    /// <summary>Builds the figure from (label, value) pairs; they are sorted here, largest first.</summary>
    public static Figure Create(ChartSpec spec, IReadOnlyList<ChartPoint> bars, string? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(bars);
        // Plotly draws the first category at the bottom of a horizontal bar chart: ascending order puts the largest on top.
        var ordered = bars.OrderBy(b => b.Y ?? double.NegativeInfinity).ToList();
        var labels = ordered.Select(b => Convert.ToString(b.X, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        var colours = labels.Select(l => l == highlight ? ChartStyle.Palette[1] : ChartStyle.Palette[0]);
        var data = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "bar",
                ["orientation"] = "h",
                ["name"] = spec.XTitle ?? spec.Title,
                ["y"] = ChartStyle.Values(labels),
                ["x"] = ChartStyle.Values(ordered.Select(b => (object?)b.Y)),
                ["marker"] = new JsonObject { ["color"] = ChartStyle.Values(colours) },
                ["texttemplate"] = spec.ValueFormat is null ? "%{x}" : "%{x:" + spec.ValueFormat + "}",
                // Inside the bar's end where it fits, so a target line near the end never crosses the label.
                ["textposition"] = "auto",
                ["insidetextanchor"] = "end",
                ["cliponaxis"] = false,
                ["showlegend"] = false,
            },
        };
        if (ordered.Any(b => b.Low is not null && b.High is not null))
        {
            // The 95% confidence interval of each bar (survey shares), so close ranks are not over-read.
            ((JsonObject)data[0]!)["error_x"] = new JsonObject
            {
                ["type"] = "data",
                ["symmetric"] = false,
                ["array"] = ChartStyle.Values(ordered.Select(b => (object?)(b.High - b.Y))),
                ["arrayminus"] = ChartStyle.Values(ordered.Select(b => (object?)(b.Y - b.Low))),
                ["color"] = "#555",
                ["thickness"] = 1.2,
                ["width"] = 3,
            };
            ((JsonObject)data[0]!)["textposition"] = "inside";
        }

        var layout = ChartStyle.Layout(spec with { Height = Math.Max(spec.Height, 120 + (22 * ordered.Count)) }, horizontal: true);
        if (spec.Target is { } target)
        {
            layout["shapes"] = new JsonArray(new JsonObject
            {
                ["type"] = "line", ["xref"] = "x", ["yref"] = "paper", ["x0"] = target, ["x1"] = target, ["y0"] = 0, ["y1"] = 1,
                ["line"] = new JsonObject { ["color"] = ChartStyle.TargetColour, ["dash"] = "dash", ["width"] = 2 },
            });
            layout["annotations"] = new JsonArray(new JsonObject
            {
                ["xref"] = "x", ["yref"] = "paper", ["x"] = target, ["y"] = 1, ["yanchor"] = "bottom", ["showarrow"] = false,
                ["text"] = spec.TargetLabel ?? "目标 Target", ["font"] = new JsonObject { ["color"] = ChartStyle.TargetColour },
            });
        }

        return new Figure(ChartStyle.Slug(spec), spec with { Height = (int)layout["height"]! }, data, layout, ordered.Count);
    }
}

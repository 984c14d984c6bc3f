using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>
/// Grouped (or stacked) vertical bars: categories on the x axis, one bar per series in each category — e.g.
/// R&amp;D centres per industry group per year, or zero-breakthrough firms per year per district.
/// </summary>
public static class GroupedBarChart
{
    /// <summary>Builds the figure; <paramref name="stacked"/> stacks the series instead of grouping them.</summary>
    public static Figure Create(ChartSpec spec, IReadOnlyList<ChartSeries> series, bool stacked = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(series);
        var data = new JsonArray();
        var points = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var colour = ChartStyle.Palette[i % ChartStyle.Palette.Length];
            data.Add(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = series[i].Name,
                ["x"] = ChartStyle.Values(series[i].Points.Select(p => p.X)),
                ["y"] = ChartStyle.Values(series[i].Points.Select(p => (object?)p.Y)),
                ["marker"] = new JsonObject { ["color"] = colour },
                ["texttemplate"] = spec.ValueFormat is null ? "%{y}" : "%{y:" + spec.ValueFormat + "}",
                ["textposition"] = stacked ? "inside" : "outside",
                ["cliponaxis"] = false,
            });
            points += series[i].Points.Count;
        }

        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().ToList();
        if (spec.Target is not null && xs.Count > 0)
        {
            data.Add(ChartStyle.TargetTrace(spec, xs));
        }

        var layout = ChartStyle.Layout(spec);
        layout["barmode"] = stacked ? "stack" : "group";
        TargetLineChart.YearAxis(layout, xs);
        return new Figure(ChartStyle.Slug(spec), spec, data, layout, points);
    }
}

using System.Text.Json.Nodes;

namespace Analytics.Notebooks.Charts;

/// <summary>
/// A plotly.js figure (<c>data</c> traces and <c>layout</c>) with what the report needs to know about it: its file
/// name, title, axis titles, the indicators it shows and how many data points it plots. The JSON is what
/// <c>Plotly.newPlot</c> takes, so the dashboard and the notebooks draw the same figure.
/// </summary>
public sealed class Figure
{
    internal Figure(string name, ChartSpec spec, JsonArray data, JsonObject layout, int pointCount)
    {
        Name = name;
        Title = spec.Title;
        XTitle = spec.XTitle;
        YTitle = spec.YTitle;
        IndicatorIds = spec.IndicatorIds;
        Width = spec.Width;
        Height = spec.Height;
        Data = data;
        Layout = layout;
        PointCount = pointCount;
    }

    /// <summary>A file-name-safe name (the chart's files are <c>NN-&lt;name&gt;.svg/.png</c>).</summary>
    public string Name { get; }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>The x axis title, if any.</summary>
    public string? XTitle { get; }

    /// <summary>The y axis title, if any.</summary>
    public string? YTitle { get; }

    /// <summary>The catalog ids of the indicators the chart shows (their definitions go into the report).</summary>
    public IReadOnlyList<string> IndicatorIds { get; }

    /// <summary>Image width in CSS pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in CSS pixels.</summary>
    public int Height { get; }

    /// <summary>The plotly traces.</summary>
    public JsonArray Data { get; }

    /// <summary>The plotly layout.</summary>
    public JsonObject Layout { get; }

    /// <summary>How many data points the figure marks (markers and bars; not bands, targets or trajectories).</summary>
    public int PointCount { get; }

    /// <summary>The figure as plotly JSON: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public string ToJson() => new JsonObject
    {
        ["data"] = Data.DeepClone(),
        ["layout"] = Layout.DeepClone(),
    }.ToJsonString();
}

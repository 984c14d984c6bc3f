using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// What a chart shows, as data: the page renders it as JSON into a <c>data-chart</c> attribute and the one chart
/// definition (<c>wwwroot/js/charts.js</c>) turns it into a plotly figure, so every page draws alike. Numbers are
/// formatted by the catalog's format (<see cref="ChartFormat"/>); labels on bars and hover texts come formatted from here.
/// </summary>
/// <param name="Kind"><c>trend</c> (years on x), <c>bars</c> (ranked categories) or <c>compare</c> (grouped bars).</param>
/// <param name="Title">Shown above the chart.</param>
/// <param name="Format">How the value axis reads.</param>
/// <param name="Series">The traces, each with a role that decides its style.</param>
/// <param name="FileName">The PNG download's name (without extension).</param>
public sealed record ChartSpec(string Kind, string Title, ChartFormat Format, IReadOnlyList<ChartSeries> Series, string FileName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Lines under the title in a downloaded PNG: the indicator, the filters, the unit.</summary>
    public IReadOnlyList<string> Subtitle { get; init; } = [];

    /// <summary>The line at the foot of a downloaded PNG: source and snapshot date.</summary>
    public string? Footer { get; init; }

    /// <summary>Categories listed after the bars with why they have none (a zero baseline, withheld, no data).</summary>
    public IReadOnlyList<ChartNote>? Notes { get; init; }

    /// <summary>The spec as JSON for the <c>data-chart</c> attribute.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>A value axis's format: a d3 format and the text after a value (× for ratios).</summary>
public sealed record ChartFormat(string D3, string Suffix)
{
    /// <summary>The chart format of a catalog number format.</summary>
    public static ChartFormat Of(Analytics.Snapshots.Formatting.NumberFormat format) => new(format.D3, format.Suffix);
}

/// <summary>One trace.</summary>
/// <param name="Role"><c>value</c>, <c>band</c> (uses Low/High), <c>target</c>, <c>path</c>, <c>bar</c> or <c>city</c>.</param>
/// <param name="Name">The legend text.</param>
/// <param name="X">Years or category labels.</param>
/// <param name="Y">Values (null for a gap or a withheld small cell).</param>
/// <param name="Low">Lower bounds of a band or error bar.</param>
/// <param name="High">Upper bounds of a band or error bar.</param>
/// <param name="Text">Hover text per point (the status with its icon, the sample size).</param>
public sealed record ChartSeries(
    string Role, string Name, IReadOnlyList<string> X, IReadOnlyList<double?> Y,
    IReadOnlyList<double?>? Low = null, IReadOnlyList<double?>? High = null, IReadOnlyList<string>? Text = null)
{
    /// <summary>Labels drawn on the bars (formatted values).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The page each point links to (a click on a bar follows it).</summary>
    public IReadOnlyList<string>? Links { get; init; }

    /// <summary>Points drawn as flagged (a small sample).</summary>
    public IReadOnlyList<bool>? Flags { get; init; }
}

/// <summary>A category with nothing to draw and why, e.g. "君山区: baseline 0 (19 in 2022)".</summary>
public sealed record ChartNote(string Label, string Text, string? Link);

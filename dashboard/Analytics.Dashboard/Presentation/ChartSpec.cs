using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Dashboard.Presentation;

/// <summary>
/// What a chart shows, as data: the page renders it as JSON into a <c>data-chart</c> attribute and the one chart
/// definition (<c>wwwroot/js/charts.js</c>) turns it into a plotly figure, so every page draws alike.
/// </summary>
/// <param name="Kind"><c>trend</c> (years on x), <c>bars</c> (ranked categories) or <c>compare</c> (grouped bars).</param>
/// <param name="Title">Shown above the chart.</param>
/// <param name="Format"><c>percent</c>, <c>ratio</c> or <c>number</c>: how the y axis and hover read.</param>
/// <param name="Series">The traces, each with a role that decides its style.</param>
/// <param name="FileName">The PNG download's name (without extension).</param>
public sealed record ChartSpec(string Kind, string Title, string Format, IReadOnlyList<ChartSeries> Series, string FileName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The spec as JSON for the <c>data-chart</c> attribute.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One trace.</summary>
/// <param name="Role"><c>value</c>, <c>band</c> (uses Low/High), <c>target</c>, <c>path</c>, <c>bar</c> or <c>city</c>.</param>
/// <param name="Name">The legend text.</param>
/// <param name="X">Years or category labels.</param>
/// <param name="Y">Values (null for a gap or a withheld small cell).</param>
/// <param name="Low">Lower bounds of a band.</param>
/// <param name="High">Upper bounds of a band.</param>
/// <param name="Text">Text per point (e.g. the status with its icon).</param>
public sealed record ChartSeries(
    string Role, string Name, IReadOnlyList<string> X, IReadOnlyList<double?> Y,
    IReadOnlyList<double?>? Low = null, IReadOnlyList<double?>? High = null, IReadOnlyList<string>? Text = null);

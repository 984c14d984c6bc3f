namespace Analytics.Notebooks.Charts;

/// <summary>What every chart states: title, axis titles, number format, target and the indicators shown.</summary>
public sealed record ChartSpec
{
    /// <summary>The chart's title (the indicator's name, usually).</summary>
    public required string Title { get; init; }

    /// <summary>A file-name-safe name; derived from the indicator ids or the title when not given.</summary>
    public string? Name { get; init; }

    /// <summary>The x axis title.</summary>
    public string? XTitle { get; init; }

    /// <summary>The y axis title (the indicator's unit, usually).</summary>
    public string? YTitle { get; init; }

    /// <summary>A d3 number format for the value axis, e.g. <c>.0%</c> for shares, <c>,d</c> for counts.</summary>
    public string? ValueFormat { get; init; }

    /// <summary>The target the values are held against, drawn as a dashed line.</summary>
    public double? Target { get; init; }

    /// <summary>The target line's legend text, e.g. <c>目标 45%</c>.</summary>
    public string? TargetLabel { get; init; }

    /// <summary>The catalog ids of the indicators shown.</summary>
    public IReadOnlyList<string> IndicatorIds { get; init; } = [];

    /// <summary>Image width in CSS pixels.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in CSS pixels.</summary>
    public int Height { get; init; } = 460;
}

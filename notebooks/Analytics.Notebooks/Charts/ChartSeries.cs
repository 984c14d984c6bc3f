namespace Analytics.Notebooks.Charts;

/// <summary>One point of a series: an x (a year or a category) and a value, with an optional confidence interval.</summary>
/// <param name="X">The year or category.</param>
/// <param name="Y">The value; null leaves a gap.</param>
/// <param name="Low">Lower end of the 95% confidence interval, if any.</param>
/// <param name="High">Upper end of the 95% confidence interval, if any.</param>
public sealed record ChartPoint(object X, double? Y, double? Low = null, double? High = null);

/// <summary>A named series of points (one line, or one set of bars).</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Points">The points in x order.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

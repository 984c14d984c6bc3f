namespace Analytics.DemoData.Population;

/// <summary>Which figure a size threshold is on.</summary>
internal enum SizeMetric
{
    None,
    Employees,
    Revenue,
    Assets,
}

/// <summary>
/// One row of the SME size table (shared/reference/sme-size-classes.md): medium and small need both figures at or
/// above their thresholds, large needs both at or above the ceiling. A rule with one figure has <see cref="Second"/> = None.
/// </summary>
internal sealed record SizeRule(
    SizeMetric First, SizeMetric Second,
    double LargeFirst, double LargeSecond,
    double MediumFirst, double MediumSecond,
    double SmallFirst, double SmallSecond)
{
    public SizeClass Classify(int employees, double revenue, double assets)
    {
        if (AtLeast(employees, revenue, assets, LargeFirst, LargeSecond))
        {
            return SizeClass.Large;
        }

        if (AtLeast(employees, revenue, assets, MediumFirst, MediumSecond))
        {
            return SizeClass.Medium;
        }

        return AtLeast(employees, revenue, assets, SmallFirst, SmallSecond) ? SizeClass.Small : SizeClass.Micro;
    }

    /// <summary>The threshold of <paramref name="metric"/> at each class boundary (small, medium, large), or null if unused.</summary>
    public (double Small, double Medium, double Large)? Thresholds(SizeMetric metric) =>
        metric == First ? (SmallFirst, MediumFirst, LargeFirst)
        : metric == Second ? (SmallSecond, MediumSecond, LargeSecond)
        : null;

    private bool AtLeast(int employees, double revenue, double assets, double first, double second) =>
        Value(First, employees, revenue, assets) >= first
        && (Second == SizeMetric.None || Value(Second, employees, revenue, assets) >= second);

    private static double Value(SizeMetric metric, int employees, double revenue, double assets) => metric switch
    {
        SizeMetric.Employees => employees,
        SizeMetric.Revenue => revenue,
        SizeMetric.Assets => assets,
        _ => 0,
    };
}

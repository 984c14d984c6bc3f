using Analytics.Reference;

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
/// One row of the SME size table (size_class_rules.csv in Analytics.Reference) in the shape the generator classifies
/// millions of firms with: medium and small need both figures at or above their thresholds, large needs both at or
/// above the ceiling. A rule with one figure has <see cref="Second"/> = None.
/// </summary>
internal sealed record SizeRule(
    SizeMetric First, SizeMetric Second,
    double LargeFirst, double LargeSecond,
    double MediumFirst, double MediumSecond,
    double SmallFirst, double SmallSecond)
{
    private static readonly SizeMetric[] Metrics = [SizeMetric.Employees, SizeMetric.Revenue, SizeMetric.Assets];

    /// <summary>
    /// The shared rule as two figures: the first and second it uses in the order employees, revenue, assets. A figure
    /// the rule leaves empty at one class is 0 there (always met), as the warehouse treats it.
    /// </summary>
    public static SizeRule From(SizeClassRule rule)
    {
        var used = Metrics.Where(m => (Figure(rule.Large, m) ?? Figure(rule.Medium, m) ?? Figure(rule.Small, m)) is not null).ToList();
        if (used.Count is 0 or > 2)
        {
            throw new InvalidDataException(
                $"Size rule '{rule.RuleId}' uses {used.Count} figures; the demo generator classifies by one or two.");
        }

        var first = used[0];
        var second = used.Count == 2 ? used[1] : SizeMetric.None;
        return new SizeRule(
            first, second,
            Figure(rule.Large, first) ?? 0, Figure(rule.Large, second) ?? 0,
            Figure(rule.Medium, first) ?? 0, Figure(rule.Medium, second) ?? 0,
            Figure(rule.Small, first) ?? 0, Figure(rule.Small, second) ?? 0);
    }

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

    private static double? Figure(SizeThresholds thresholds, SizeMetric metric) => metric switch
    {
        SizeMetric.Employees => thresholds.Employees,
        SizeMetric.Revenue => thresholds.Revenue,
        SizeMetric.Assets => thresholds.Assets,
        _ => null,
    };

    private static double Value(SizeMetric metric, int employees, double revenue, double assets) => metric switch
    {
        SizeMetric.Employees => employees,
        SizeMetric.Revenue => revenue,
        SizeMetric.Assets => assets,
        _ => 0,
    };
}

using Analytics.DemoData.Population;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// How R&amp;D intensity and new-product sales move over the years in a district. After the plan's baseline a
/// district's multiplier grows geometrically toward a ratio set by its momentum: the strongest districts about double
/// (YY2020's 倍增 target) by the target year, the weakest gain a fifth. Before the baseline growth is slow.
/// </summary>
internal static class RdTrajectory
{
    /// <summary>Years from baseline to target (both plans run three years).</summary>
    private const double PlanYears = 3;

    public static double Intensity(RegionModel region, Territory territory, int year) =>
        Multiplier(region, territory, year, strength: 1.0);

    /// <summary>New products respond a little more strongly than R&amp;D spending.</summary>
    public static double NewProducts(RegionModel region, Territory territory, int year) =>
        Multiplier(region, territory, year, strength: 1.15);

    private static double Multiplier(RegionModel region, Territory territory, int year, double strength)
    {
        var baseline = region.PlanBaselineYear;
        if (year <= baseline)
        {
            return Math.Pow(1.04, year - baseline);
        }

        // YY's plan is about doubling; elsewhere the trend is milder.
        var span = region.Code == "yy" ? 1.1 : 0.45;
        var share = Math.Clamp((territory.Momentum - 0.55) / 0.9, 0, 1);
        var target = (1.15 + (span * share)) * strength;
        return Math.Pow(target, (year - baseline) / PlanYears);
    }
}

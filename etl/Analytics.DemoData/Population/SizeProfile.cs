using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>
/// A firm's 从业人员, 营业收入 and 资产总额 (万元) in a year, and the size class they give. Each figure is the firm's size
/// latent mapped through log-linear anchors placed at the class thresholds of its industry, so that classes come
/// out at fixed shares (≈60% micro, 30% small, 7–8% medium, 2% large) while values stay skewed like a log-normal.
/// </summary>
internal readonly record struct SizeProfile(int Employees, double Revenue, double Assets, SizeClass SizeClass)
{
    /// <summary>Latent values at which a firm crosses into small, medium and large (the 60th, 90th and 98th percentiles).</summary>
    private static readonly double[] AnchorZ = [-2.6, 0.253, 1.30, 2.054, 3.6];

    private static readonly (double Small, double Medium, double Large) GenericEmployees = (20, 300, 1000);
    private static readonly (double Small, double Medium, double Large) GenericRevenue = (300, 2000, 40000);
    private static readonly (double Small, double Medium, double Large) GenericAssets = (250, 2500, 40000);

    public bool IsSme => SizeClass != SizeClass.Large;

    public static SizeProfile Of(Enterprise firm, int year)
    {
        var rng = Rng.For(firm.Salt, Streams.SizeYear, (ulong)year);
        var age = year - firm.Founded.Year;

        // Young firms start small and grow into their latent size.
        var z = firm.SizeLatent + (firm.Growth * (year - 2015)) - (0.7 * Math.Exp(-age / 2.5)) + (0.06 * rng.Normal());
        var rule = firm.SizeRule;
        var employees = Interpolate(z + (0.12 * rng.Normal()), rule.Thresholds(SizeMetric.Employees) ?? GenericEmployees);
        var revenue = Interpolate(z + (0.12 * rng.Normal()), rule.Thresholds(SizeMetric.Revenue) ?? GenericRevenue);
        var assets = Interpolate(z + (0.2 * rng.Normal()), rule.Thresholds(SizeMetric.Assets) ?? GenericAssets);
        var staff = (int)Math.Clamp(Math.Round(employees), 1, 200_000);
        var revenueWan = Math.Round(revenue, 2);
        var assetsWan = Math.Round(assets, 2);
        return new SizeProfile(staff, revenueWan, assetsWan, rule.Classify(staff, revenueWan, assetsWan));
    }

    private static double Interpolate(double z, (double Small, double Medium, double Large) thresholds)
    {
        Span<double> logs =
        [
            Math.Log(thresholds.Small / 12), Math.Log(thresholds.Small), Math.Log(thresholds.Medium),
            Math.Log(thresholds.Large), Math.Log(thresholds.Large * 6),
        ];
        var i = z < AnchorZ[1] ? 0 : z < AnchorZ[2] ? 1 : z < AnchorZ[3] ? 2 : 3;
        var slope = (logs[i + 1] - logs[i]) / (AnchorZ[i + 1] - AnchorZ[i]);
        return Math.Exp(logs[i] + (slope * (z - AnchorZ[i])));
    }
}

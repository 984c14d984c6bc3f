using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>
/// A firm's 从业人员, 营业收入 and 资产总额 (万元) in a year, and the size class they give. Each figure is the firm's size
/// latent mapped through log-linear anchors placed at the class thresholds of its industry, so that classes come
/// out at fixed shares (≈60% micro, 30% small, 7–8% medium, 2% large) while values stay skewed like a log-normal.
/// </summary>
internal readonly record struct SizeProfile(int Employees, double Revenue, double Assets, SizeClass SizeClass)
{
    public bool IsSme => SizeClass != SizeClass.Large;

    public static SizeProfile Of(Enterprise firm, int year)
    {
        var rng = Rng.For(firm.Salt, Streams.SizeYear, (ulong)year);
        var age = year - firm.Founded.Year;

        // Young firms start small and grow into their latent size.
        var z = firm.SizeLatent + (firm.Growth * (year - 2015)) - (0.7 * Math.Exp(-age / 2.5)) + (0.06 * rng.Normal());
        var curves = firm.Class.Curves;
        var employees = curves.Employees(z + (0.12 * rng.Normal()));
        var revenue = curves.Revenue(z + (0.12 * rng.Normal()));
        var assets = curves.Assets(z + (0.2 * rng.Normal()));
        var staff = (int)Math.Clamp(Math.Round(employees), 1, 200_000);
        var revenueWan = Math.Round(revenue, 2);
        var assetsWan = Math.Round(assets, 2);
        return new SizeProfile(staff, revenueWan, assetsWan, firm.SizeRule.Classify(staff, revenueWan, assetsWan));
    }
}

using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// Whether a surveyed firm uses IT and e-commerce in a year. One firm-year latent (digital maturity, the district's
/// momentum and the year's trend) drives all seven answers, so they correlate as real answers do; each answer has
/// its own level. Calibrated so Chongqing's weighted IT use (any of R&amp;D, management, production control) passes
/// ~45% around 2015 and e-commerce (purchasing or sales) nears 50%, with districts apart by their momentum.
/// </summary>
internal static class AdoptionModel
{
    /// <summary>The survey's questions, in column order.</summary>
    public static readonly string[] Questions =
        ["研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术", "电子商务采购", "电子商务销售", "使用云服务", "拥有网站"];

    private static readonly double[] Levels = [-2.5, -1.05, -2.0, -1.3, -1.4, -3.0, -0.4];

    /// <summary>Answers (true/false, or null when left blank).</summary>
    public static void Answer(Enterprise firm, RegionModel region, int year, ref Rng rng, Span<bool?> answers)
    {
        var years = year - region.PlanBaselineYear;
        var momentum = firm.Territory.Momentum;
        var regionLevel = region.Code switch { "yy" => 0.6, "cq" => -0.75, _ => 0.0 };
        var latent = (0.75 * firm.Digital) + regionLevel + (years * 0.27 * (0.55 + (0.45 * momentum))) + (0.4 * (momentum - 1)) + (0.35 * rng.Normal());
        for (var i = 0; i < answers.Length; i++)
        {
            var level = Levels[i];
            if (i == 5)
            {
                level += 0.25 * years; // 上云: the fastest-moving answer in the later years
            }

            var yes = rng.NextDouble() < 1 / (1 + Math.Exp(-(level + latent)));
            answers[i] = rng.Chance(0.03) ? null : yes;
        }
    }
}

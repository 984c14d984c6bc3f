using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>
/// How a region's firms spread over divisions: weighted toward the plan's named industry groups
/// (policy-industry-groups.csv), with trade, construction and services filling the rest as in any real registry.
/// </summary>
internal sealed class IndustryMix
{
    private readonly int[] _divisions;
    private readonly double[] _cumulative;

    private IndustryMix((int Division, double Weight)[] weights)
    {
        _divisions = weights.Select(w => w.Division).ToArray();
        _cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i].Weight;
            _cumulative[i] = sum;
        }
    }

    /// <summary>
    /// CQ2013: 装备制造 33-35,38,40; 电子信息 39,63-65; 有色金属 32; 农产品加工 13-15; 化工 26,28,29; 建材 30; 汽摩 36,375;
    /// 现代服务业 I, L, M. Division 37 stands for 375 (motorcycles) here.
    /// </summary>
    public static IndustryMix Chongqing { get; } = new([
        (33, 5), (34, 5), (35, 4), (38, 4), (40, 1.5), (39, 4), (63, 0.5), (64, 2), (65, 4), (32, 2), (13, 3), (14, 2),
        (15, 1.5), (26, 2.5), (28, 0.3), (29, 2.5), (30, 4), (36, 6), (37, 3), (71, 2), (72, 7), (73, 1), (74, 3),
        (75, 2), (17, 0.8), (18, 1), (21, 1), (22, 0.8), (23, 1), (24, 0.5), (27, 1), (31, 1), (41, 0.5), (47, 3),
        (48, 2), (50, 2), (51, 9), (52, 5), (54, 2.5), (59, 0.7), (61, 1), (62, 1.5), (70, 2.5)]);

    /// <summary>YY2020 (illustrative grouping): 石化 25,26,28,29; 食品 13-15; 电子信息; 装备制造; 新材料 30-32; 生物医药 27.</summary>
    public static IndustryMix Yueyang { get; } = new([
        (25, 2), (26, 6), (28, 0.8), (29, 3), (13, 5), (14, 3), (15, 2), (39, 3), (63, 0.5), (64, 1.5), (65, 2.5),
        (33, 4), (34, 4), (35, 3.5), (36, 1.5), (37, 1.5), (38, 3), (40, 1), (30, 4), (31, 1.5), (32, 1.5), (27, 2.5),
        (17, 1.5), (18, 1), (21, 1), (22, 1.5), (23, 0.8), (41, 0.5), (42, 1), (47, 3), (48, 2), (50, 1.5), (51, 8),
        (52, 5), (54, 2.5), (59, 0.8), (61, 1), (62, 1.5), (70, 2), (71, 1), (72, 5), (73, 0.5), (74, 2), (75, 1.5)]);

    /// <summary>Draws a class such as C3670 (section letter + division + group digit + class digit).</summary>
    public IndustryClass Draw(ref Rng rng)
    {
        var division = _divisions[rng.PickCumulative(_cumulative)];
        int group;
        if (division == 37 && rng.Chance(0.7))
        {
            group = 5; // 375 摩托车制造, one of CQ's 汽摩 pillars
        }
        else
        {
            group = rng.Next(1, 8);
        }

        if (division == 70)
        {
            group = rng.Chance(0.6) ? 1 : 2; // 701 房地产开发经营, 702 物业管理 have different size rules
        }

        var classDigit = rng.Chance(0.5) ? 0 : rng.Next(1, 5);
        return IndustryClass.Of(division, group, classDigit);
    }
}

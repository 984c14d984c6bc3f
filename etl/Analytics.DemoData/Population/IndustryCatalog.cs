namespace Analytics.DemoData.Population;

/// <summary>
/// GB/T 4754-2017 facts the generator needs: the section of each division, the words firms of a division put in
/// their names, and how inventive a division tends to be.
/// </summary>
internal static class IndustryCatalog
{
    private static readonly Dictionary<int, string[]> NameWords = new()
    {
        [13] = ["农产品", "粮油", "肉类食品"], [14] = ["食品", "调味品"], [15] = ["酒业", "饮品", "茶业"],
        [17] = ["纺织"], [18] = ["服饰"], [21] = ["家具"], [22] = ["纸业", "包装"], [23] = ["印务"],
        [24] = ["文体用品"], [25] = ["石化", "能源"], [26] = ["化工", "精细化工"], [27] = ["药业", "生物科技"],
        [28] = ["化纤"], [29] = ["塑胶", "橡胶制品"], [30] = ["建材", "新型材料", "陶瓷"], [31] = ["钢铁", "特钢"],
        [32] = ["有色金属", "铝业"], [33] = ["金属制品", "五金"], [34] = ["机械", "通用设备"], [35] = ["专用设备", "机电"],
        [36] = ["汽车零部件", "汽车配件"], [37] = ["摩托车", "船舶", "轨道交通设备"], [38] = ["电气", "电器", "电缆"],
        [39] = ["电子", "光电", "智能科技"], [40] = ["仪器仪表", "自动化"], [41] = ["工艺品"], [42] = ["再生资源"],
        [43] = ["设备维修"], [47] = ["建筑工程", "建设"], [48] = ["路桥工程", "市政工程"], [50] = ["装饰工程"],
        [51] = ["商贸", "贸易"], [52] = ["商业", "超市"], [54] = ["物流", "运输"], [59] = ["仓储"],
        [61] = ["酒店管理"], [62] = ["餐饮管理"], [63] = ["通信技术"], [64] = ["网络科技", "信息技术"],
        [65] = ["软件", "信息技术", "数据科技"], [70] = ["房地产开发", "物业管理"], [71] = ["租赁"],
        [72] = ["企业管理咨询", "商务服务"], [73] = ["科技研究"], [74] = ["工程技术", "检测技术"], [75] = ["科技服务"],
    };

    /// <summary>The section letter of a 2-digit division.</summary>
    public static char SectionOf(int division) => division switch
    {
        <= 5 => 'A',
        <= 12 => 'B',
        <= 43 => 'C',
        <= 46 => 'D',
        <= 50 => 'E',
        <= 52 => 'F',
        <= 60 => 'G',
        <= 62 => 'H',
        <= 65 => 'I',
        <= 69 => 'J',
        70 => 'K',
        <= 72 => 'L',
        <= 75 => 'M',
        <= 79 => 'N',
        <= 82 => 'O',
        83 => 'P',
        <= 85 => 'Q',
        <= 90 => 'R',
        _ => 'S',
    };

    public static IReadOnlyList<string> WordsFor(int division) =>
        NameWords.TryGetValue(division, out var words) ? words : ["实业"];

    /// <summary>How much more (or less) than average a division patents and does R&amp;D, in latent units.</summary>
    public static double InnovationBonus(int division) => division switch
    {
        26 or 27 or 34 or 35 or 36 or 37 or 38 or 39 or 40 => 0.7,
        25 or 28 or 29 or 30 or 31 or 32 or 33 or 63 or 64 or 65 or 73 or 74 or 75 => 0.35,
        >= 13 and <= 43 => 0.1,
        _ => -0.6,
    };

    /// <summary>How much more than average a division uses IT and e-commerce, in latent units.</summary>
    public static double DigitalBonus(int division) => division switch
    {
        63 or 64 or 65 => 1.2,
        51 or 52 or 72 or 73 or 74 or 75 => 0.4,
        >= 13 and <= 43 => 0.1,
        _ => -0.3,
    };
}

using System.Globalization;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>Patent titles and main IPC classes that fit the applicant's industry.</summary>
internal static class PatentTexts
{
    private static readonly string[] InventionEndings = ["及其制备方法", "的控制方法", "装置及方法", "系统", "的检测方法", "工艺"];
    private static readonly string[] UtilityEndings = ["装置", "结构", "机构", "组件", "夹具"];
    private static readonly string[] DesignEndings = ["外壳", "包装盒", "面板", "支架"];

    public static string Title(ref Rng rng, int division, int type)
    {
        var (subjects, _) = For(division);
        var subject = rng.Pick(subjects);
        return type switch
        {
            1 or 8 => "一种" + subject + rng.Pick(InventionEndings),
            3 => subject + rng.Pick(DesignEndings),
            _ => "一种" + subject + rng.Pick(UtilityEndings),
        };
    }

    /// <summary>e.g. B23Q 11/10; null for designs (classified by Locarno, not IPC).</summary>
    public static string? Ipc(ref Rng rng, int division, int type)
    {
        if (type == 3)
        {
            return null;
        }

        var (_, classes) = For(division);
        return string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(classes)} {rng.Next(1, 60)}/{rng.Next(0, 10) * 2:D2}");
    }

    private static (string[] Subjects, string[] Ipc) For(int division) => division switch
    {
        33 or 34 or 35 or 43 => (["数控机床主轴", "液压夹紧", "齿轮传动", "自动上料", "焊接定位", "输送"], ["B23Q", "F16H", "B21D", "B23K", "B65G"]),
        36 or 37 => (["汽车座椅调节", "发动机冷却", "摩托车车架", "制动卡钳", "车灯"], ["B60N", "F02B", "B62K", "B60T", "F21S"]),
        38 => (["永磁电机", "开关柜", "电缆接头", "充电"], ["H02K", "H01B", "H02B", "H02J"]),
        39 or 40 => (["电路板", "传感器", "显示模组", "智能终端", "测量仪"], ["H05K", "G01D", "H01L", "G01N", "G06F"]),
        25 or 26 or 28 or 29 => (["催化剂", "水性涂料", "改性聚合物", "橡胶密封件", "分离提纯"], ["B01J", "C09D", "C08L", "C07C", "B01D"]),
        27 => (["药物组合物", "中药提取物", "缓释制剂"], ["A61K", "A61P", "C07D"]),
        13 or 14 or 15 => (["食品保鲜", "发酵", "茶叶加工", "粮油精炼"], ["A23L", "C12G", "A23F", "C11B"]),
        30 or 31 or 32 => (["陶瓷", "铝合金型材", "耐火材料", "新型墙体材料"], ["C04B", "C22C", "B22D", "E04C"]),
        63 or 64 or 65 => (["数据处理", "信号传输", "图像识别", "网络安全"], ["G06F", "H04L", "G06K", "G06Q"]),
        _ => (["检测", "包装", "节能", "清洗"], ["G01N", "B65D", "F24F", "B08B"]),
    };
}

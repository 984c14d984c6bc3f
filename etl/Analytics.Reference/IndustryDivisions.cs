namespace Analytics.Reference;

/// <summary>
/// The 97 divisions (大类) of GB/T 4754-2017 and the section (门类) each belongs to. industries.csv lists only the
/// divisions the plans name; validating a registry's class code needs all of them.
/// </summary>
public static class IndustryDivisions
{
    // Divisions are numbered contiguously within each section in the 2017 edition: A 01–05 … T 97.
    private static readonly (char Section, int First, int Last)[] Ranges =
    [
        ('A', 1, 5), ('B', 6, 12), ('C', 13, 43), ('D', 44, 46), ('E', 47, 50), ('F', 51, 52), ('G', 53, 60),
        ('H', 61, 62), ('I', 63, 65), ('J', 66, 69), ('K', 70, 70), ('L', 71, 72), ('M', 73, 75), ('N', 76, 79),
        ('O', 80, 82), ('P', 83, 83), ('Q', 84, 85), ('R', 86, 90), ('S', 91, 96), ('T', 97, 97),
    ];

    private static readonly string[] NamesZh =
    [
        "", "农业", "林业", "畜牧业", "渔业", "农、林、牧、渔专业及辅助性活动",
        "煤炭开采和洗选业", "石油和天然气开采业", "黑色金属矿采选业", "有色金属矿采选业", "非金属矿采选业", "开采专业及辅助性活动", "其他采矿业",
        "农副食品加工业", "食品制造业", "酒、饮料和精制茶制造业", "烟草制品业", "纺织业", "纺织服装、服饰业",
        "皮革、毛皮、羽毛及其制品和制鞋业", "木材加工和木、竹、藤、棕、草制品业", "家具制造业", "造纸和纸制品业", "印刷和记录媒介复制业",
        "文教、工美、体育和娱乐用品制造业", "石油、煤炭及其他燃料加工业", "化学原料和化学制品制造业", "医药制造业", "化学纤维制造业",
        "橡胶和塑料制品业", "非金属矿物制品业", "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "金属制品业", "通用设备制造业",
        "专用设备制造业", "汽车制造业", "铁路、船舶、航空航天和其他运输设备制造业", "电气机械和器材制造业",
        "计算机、通信和其他电子设备制造业", "仪器仪表制造业", "其他制造业", "废弃资源综合利用业", "金属制品、机械和设备修理业",
        "电力、热力生产和供应业", "燃气生产和供应业", "水的生产和供应业",
        "房屋建筑业", "土木工程建筑业", "建筑安装业", "建筑装饰、装修和其他建筑业",
        "批发业", "零售业",
        "铁路运输业", "道路运输业", "水上运输业", "航空运输业", "管道运输业", "多式联运和运输代理业", "装卸搬运和仓储业", "邮政业",
        "住宿业", "餐饮业",
        "电信、广播电视和卫星传输服务", "互联网和相关服务", "软件和信息技术服务业",
        "货币金融服务", "资本市场服务", "保险业", "其他金融业",
        "房地产业",
        "租赁业", "商务服务业",
        "研究和试验发展", "专业技术服务业", "科技推广和应用服务业",
        "水利管理业", "生态保护和环境治理业", "公共设施管理业", "土地管理业",
        "居民服务业", "机动车、电子产品和日用产品修理业", "其他服务业",
        "教育",
        "卫生", "社会工作",
        "新闻和出版业", "广播、电视、电影和录音制作业", "文化艺术业", "体育", "娱乐业",
        "中国共产党机关", "国家机构", "人民政协、民主党派", "社会保障", "群众团体、社会团体和其他成员组织", "基层群众自治组织及其他组织",
        "国际组织",
    ];

    /// <summary>Number of divisions (01–97).</summary>
    public const int Count = 97;

    /// <summary>The section letter of division <paramref name="division"/> (1–97), or <c>'\0'</c> when there is no such division.</summary>
    public static char SectionOf(int division)
    {
        foreach (var (section, first, last) in Ranges)
        {
            if (division >= first && division <= last)
            {
                return section;
            }
        }

        return '\0';
    }

    /// <summary>The Chinese name of division <paramref name="division"/>, or null.</summary>
    public static string? NameZh(int division) => division is >= 1 and <= Count ? NamesZh[division] : null;
}

namespace Analytics.DemoData.Feeds;

/// <summary>Who can hold a recognition.</summary>
internal enum Holder
{
    /// <summary>Small and medium firms only (by that year's size).</summary>
    Sme,

    /// <summary>Any firm.</summary>
    AnyFirm,

    /// <summary>Firms or public institutions (事业单位) such as productivity-promotion centres.</summary>
    Unit,

    /// <summary>A person, linked to the employing firm.</summary>
    Person,
}

/// <summary>
/// One recognition or programme type (INDICATORS.md), how many are granted in each year at scale 1, in how many
/// batches, at what levels, for how long, and what makes a firm likely to be chosen.
/// </summary>
internal sealed record RecognitionSpec(
    string Code,
    string NameZh,
    Holder Holder,
    IReadOnlyDictionary<int, int> PerYear,
    int Batches = 1,
    int ValidityYears = 0,
    string Level = "市",
    string? AlternateLevel = null,
    double AlternateShare = 0,
    double InnovationPull = 1.0,
    double DigitalPull = 0.0,
    bool ValidForYearOnly = false)
{
    /// <summary>The recognitions of CQ2013 (and the context types), with volumes that put the plan's citywide targets in reach.</summary>
    public static IReadOnlyList<RecognitionSpec> Chongqing { get; } =
    [
        new("TECH_SME", "科技型中小微型企业", Holder.Sme, Y((2012, 900), (2013, 2600), (2014, 3500), (2015, 3800), (2016, 2500)), Batches: 3, InnovationPull: 0.8),
        new("PUBLIC_PLATFORM", "公共服务平台", Holder.Unit, Y((2013, 30), (2014, 35), (2015, 38), (2016, 20)), Batches: 2),
        new("RD_CENTER", "技术研发中心", Holder.Sme, Y((2012, 40), (2013, 70), (2014, 90), (2015, 95), (2016, 60)), Batches: 2, AlternateLevel: "区县", AlternateShare: 0.2, InnovationPull: 1.3),
        new("IP_PILOT", "知识产权试点单位", Holder.Sme, Y((2011, 150), (2012, 200), (2013, 220), (2014, 250), (2015, 275), (2016, 250)), ValidityYears: 3, InnovationPull: 1.5),
        new("FREE_WEB", "免费建网站", Holder.Sme, Y((2013, 2800), (2014, 3500), (2015, 3400), (2016, 1500)), Batches: 4, InnovationPull: 0.1, DigitalPull: 0.5),
        new("FREE_ECOM", "免费电子商务", Holder.Sme, Y((2013, 280), (2014, 350), (2015, 390), (2016, 200)), Batches: 2, InnovationPull: 0.1, DigitalPull: 1.0),
        new("IT_DEMO", "信息化示范企业", Holder.Sme, Y((2012, 100), (2013, 150), (2014, 175), (2015, 195), (2016, 150)), ValidityYears: 3, InnovationPull: 0.4, DigitalPull: 1.2),
        new("HNTE", "高新技术企业", Holder.AnyFirm, Y((2011, 100), (2012, 110), (2013, 120), (2014, 130), (2015, 140), (2016, 150)), Batches: 2, ValidityYears: 3, Level: "国家", InnovationPull: 1.8),
        new("SPECIALIZED", "专精特新", Holder.Sme, Y((2013, 60), (2014, 80), (2015, 100), (2016, 100)), ValidityYears: 3, InnovationPull: 1.2),
        new("PROV_TECH_CENTER", "省级企业技术中心", Holder.AnyFirm, Y((2012, 30), (2013, 30), (2014, 30), (2015, 30), (2016, 30)), Level: "省", InnovationPull: 1.5),
    ];

    /// <summary>The recognitions of YY2020: participants every year, little giants roughly doubling 2019→2022, 2 key platforms, ~10 core institutions, ~100 engineers.</summary>
    public static IReadOnlyList<RecognitionSpec> Yueyang { get; } =
    [
        new("POLING_PARTICIPANT", "破零倍增行动参与", Holder.Sme, Y((2020, 120), (2021, 135), (2022, 150), (2023, 110)), InnovationPull: 1.0, ValidForYearOnly: true),
        new("LITTLE_GIANT", "小巨人", Holder.Sme, Y((2016, 2), (2017, 3), (2018, 4), (2019, 6), (2020, 8), (2021, 10), (2022, 12), (2023, 9)), ValidityYears: 3, Level: "省", AlternateLevel: "国家", AlternateShare: 0.3, InnovationPull: 2.0),
        new("KEY_PLATFORM", "重点技术创新服务平台", Holder.Unit, Y((2021, 1), (2022, 1))),
        new("CORE_SERVICE", "技术创新核心服务机构", Holder.Unit, Y((2020, 3), (2021, 4), (2022, 3)), AlternateLevel: "省", AlternateShare: 0.3),
        new("INNOV_ENGINEER", "国家创新工程师", Holder.Person, Y((2020, 30), (2021, 35), (2022, 40), (2023, 30)), Batches: 2, Level: "国家", InnovationPull: 1.5),
        new("SPECIALIZED", "专精特新", Holder.Sme, Y((2017, 20), (2018, 25), (2019, 30), (2020, 40), (2021, 50), (2022, 60), (2023, 60)), ValidityYears: 3, Level: "省", InnovationPull: 1.5),
        new("HNTE", "高新技术企业", Holder.AnyFirm, Y((2016, 40), (2017, 45), (2018, 50), (2019, 60), (2020, 70), (2021, 80), (2022, 90), (2023, 90)), Batches: 2, ValidityYears: 3, Level: "国家", InnovationPull: 1.8),
        new("PROV_TECH_CENTER", "省级企业技术中心", Holder.AnyFirm, Y((2018, 8), (2019, 8), (2020, 8), (2021, 8), (2022, 8), (2023, 8)), Level: "省", InnovationPull: 1.5),
    ];

    private static Dictionary<int, int> Y(params (int Year, int Count)[] counts) => counts.ToDictionary(c => c.Year, c => c.Count);
}

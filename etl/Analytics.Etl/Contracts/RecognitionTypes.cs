using Analytics.Etl.Normalising;

namespace Analytics.Etl.Contracts;

/// <summary>
/// The recognition and programme types the plans count (INDICATORS.md), with their canonical codes. A supplier may
/// write the code or the Chinese name, including common variants such as 专精特新"小巨人" or 高新技术企业认定.
/// </summary>
public static class RecognitionTypes
{
    /// <summary>Canonical code, Chinese name and accepted variants, in the order of INDICATORS.md.</summary>
    public static IReadOnlyList<(string Code, string NameZh, string[] Variants)> All { get; } =
    [
        ("TECH_SME", "科技型中小微型企业", ["科技型中小企业", "科技型中小微企业", "科技型企业", "tech sme"]),
        ("RD_CENTER", "技术研发中心", ["中小微型企业技术研发中心", "中小企业技术研发中心", "企业技术研发中心", "研发中心"]),
        ("PUBLIC_PLATFORM", "公共服务平台", ["中小企业公共服务平台", "技术创新和信息化公共服务平台", "中小企业技术创新和信息化公共服务平台"]),
        ("IP_PILOT", "知识产权试点单位", ["知识产权试点企业", "知识产权试点"]),
        ("IT_DEMO", "信息化示范企业", ["信息化示范中小微型企业", "市级信息化示范中小微型企业", "市级信息化示范企业", "信息化示范"]),
        ("FREE_WEB", "免费建网站", ["免费建设网站", "免费网站"]),
        ("FREE_ECOM", "免费电子商务", ["免费实现电子商务", "免费电商"]),
        ("SPECIALIZED", "专精特新", ["专精特新企业", "专精特新中小企业", "专精特新中小微企业"]),
        ("LITTLE_GIANT", "小巨人", ["专精特新小巨人", "专精特新\"小巨人\"", "专精特新“小巨人”企业", "专精特新小巨人企业", "小巨人企业", "little giant"]),
        ("HNTE", "高新技术企业", ["国家高新技术企业", "高企", "高新技术企业认定", "high-tech enterprise"]),
        ("PROV_TECH_CENTER", "省级企业技术中心", ["省企业技术中心", "省认定企业技术中心"]),
        ("KEY_PLATFORM", "重点技术创新服务平台", ["重点技术创新平台"]),
        ("CORE_SERVICE", "技术创新核心服务机构", ["中小企业技术创新核心服务机构", "核心服务机构"]),
        ("INNOV_ENGINEER", "国家创新工程师", ["创新工程师", "国家创新工程师资质"]),
        ("POLING_PARTICIPANT", "破零倍增行动参与", ["破零倍增", "破零倍增行动", "破零倍增行动参与企业", "参与破零倍增行动"]),
    ];

    /// <summary>The code of 国家创新工程师, whose rows name a person and the employer's credit code.</summary>
    public const string InnovationEngineer = "INNOV_ENGINEER";

    private static readonly Vocabulary Codes = new(All.Select(t => (t.Code, (string[])[t.NameZh, .. t.Variants])).ToArray());

    /// <summary>The canonical code for <paramref name="written"/> (a code or a Chinese name), or null.</summary>
    public static string? Find(ReadOnlySpan<char> written) => Codes.Find(written);
}

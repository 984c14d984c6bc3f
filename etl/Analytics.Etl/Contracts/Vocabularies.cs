using Analytics.Etl.Normalising;

namespace Analytics.Etl.Contracts;

/// <summary>The closed lists the feeds use, with the spellings suppliers use for them.</summary>
public static class Vocabularies
{
    /// <summary>登记状态: 存续/在业/注销/吊销/迁出 (在营, 开业, 在册 are written for 存续).</summary>
    public static Vocabulary RegistrationStatus { get; } = new(
        ("存续", ["在营", "开业", "在册", "存续（在营、开业、在册）", "active"]),
        ("在业", ["营业", "in business"]),
        ("注销", ["已注销", "deregistered", "cancelled"]),
        ("吊销", ["已吊销", "吊销，未注销", "吊销未注销", "revoked"]),
        ("迁出", ["已迁出", "moved out"]));

    /// <summary>企业规模: 大型/中型/小型/微型.</summary>
    public static Vocabulary SizeClass { get; } = new(
        ("大型", ["大", "大型企业", "large"]),
        ("中型", ["中", "中型企业", "medium"]),
        ("小型", ["小", "小型企业", "small"]),
        ("微型", ["微", "微型企业", "micro"]));

    /// <summary>认定级别: 国家/省/市/区县.</summary>
    public static Vocabulary RecognitionLevel { get; } = new(
        ("国家", ["国家级", "national", "国家部委"]),
        ("省", ["省级", "provincial", "省部级"]),
        ("市", ["市级", "municipal", "city", "地市级"]),
        ("区县", ["区县级", "县级", "区级", "县区", "county", "district"]));

    /// <summary>法律状态: 有效/失效/审中/驳回/撤回.</summary>
    public static Vocabulary LegalStatus { get; } = new(
        ("有效", ["授权", "有权", "专利权维持", "valid", "granted", "in force"]),
        ("失效", ["无效", "权利终止", "专利权终止", "未缴年费", "期限届满", "lapsed", "invalid", "expired"]),
        ("审中", ["在审", "实审", "实质审查", "公开", "pending", "under examination"]),
        ("驳回", ["被驳回", "rejected"]),
        ("撤回", ["视为撤回", "主动撤回", "withdrawn"]));

    /// <summary>数据来源 of R&amp;D spend: 统计 (statistics bureau) or 税务 (tax bureau).</summary>
    public static Vocabulary RdSource { get; } = new(
        ("统计", ["统计局", "统计部门", "statistics", "stats"]),
        ("税务", ["税务局", "税务部门", "tax"]));

    /// <summary>
    /// 专利类型 written as a word: the digit set it allows (发明 may be a PCT invention, 8). Digits are read separately.
    /// </summary>
    public static Vocabulary PatentTypeWord { get; } = new(
        ("发明", ["发明专利", "invention"]),
        ("实用新型", ["实用新型专利", "utility model", "utility"]),
        ("外观设计", ["外观设计专利", "外观", "design"]),
        ("PCT发明", ["PCT发明专利", "PCT invention"]),
        ("PCT实用新型", ["PCT实用新型专利", "PCT utility model"]));
}

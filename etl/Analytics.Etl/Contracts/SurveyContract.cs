namespace Analytics.Etl.Contracts;

/// <summary>信息化调查 (survey): enterprise × survey year, weighted; key credit_code + survey_year. Sample: XLSX, title row.</summary>
public static class SurveyContract
{
#pragma warning disable CS1591 // the column indexes are named after the columns they index
    public const int CreditCode = 0;
    public const int SurveyYear = 1;
    public const int Weight = 2;
    public const int ItInRd = 3;
    public const int ItInManagement = 4;
    public const int ItInProductionControl = 5;
    public const int EcommercePurchase = 6;
    public const int EcommerceSales = 7;
    public const int CloudServices = 8;
    public const int HasWebsite = 9;
#pragma warning restore CS1591

    private const string FlagRule = "是/否/1/0/Y/N; blank = not answered (null)";

    /// <summary>The schema.</summary>
    public static FeedContract Contract { get; } = new(
        FeedKind.Survey,
        "信息化调查",
        SourceFormat.Xlsx,
        [
            new("credit_code", FieldType.Text, true, "统一社会信用代码", "18 characters, GB 32100 check character", "信用代码", "社会信用代码", "credit code", "uscc"),
            new("survey_year", FieldType.Integer, true, "调查年度", "survey year", "年度", "调查年份", "year"),
            new("weight", FieldType.Double, true, "权重", "sampling weight, > 0", "抽样权重", "样本权重", "sampling weight"),
            new("it_in_rd", FieldType.Flag, false, "研发环节应用信息技术", FlagRule, "研发应用信息技术"),
            new("it_in_management", FieldType.Flag, false, "管理环节应用信息技术", FlagRule, "管理应用信息技术"),
            new("it_in_production_control", FieldType.Flag, false, "生产控制应用信息技术", FlagRule, "生产控制环节应用信息技术"),
            new("ecommerce_purchase", FieldType.Flag, false, "电子商务采购", FlagRule, "利用电子商务采购", "网上采购"),
            new("ecommerce_sales", FieldType.Flag, false, "电子商务销售", FlagRule, "利用电子商务销售", "网上销售"),
            new("cloud_services", FieldType.Flag, false, "使用云服务", FlagRule, "上云", "云服务"),
            new("has_website", FieldType.Flag, false, "拥有网站", FlagRule, "有网站", "企业网站", "website"),
        ],
        [CreditCode, SurveyYear]);
}

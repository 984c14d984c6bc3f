namespace Analytics.Etl.Contracts;

/// <summary>企业名录 (registry): one row per enterprise and snapshot date; key credit_code + as_of. Sample: CSV in GBK.</summary>
public static class RegistryContract
{
#pragma warning disable CS1591 // the column indexes are named after the columns they index
    public const int CreditCode = 0;
    public const int Name = 1;
    public const int DistrictCode = 2;
    public const int IndustryCode = 3;
    public const int FoundedOn = 4;
    public const int Status = 5;
    public const int DeregisteredOn = 6;
    public const int Employees = 7;
    public const int Revenue = 8;
    public const int Assets = 9;
    public const int SizeClass = 10;
    public const int AsOf = 11;
#pragma warning restore CS1591

    /// <summary>The schema.</summary>
    public static FeedContract Contract { get; } = new(
        FeedKind.Registry,
        "企业名录",
        SourceFormat.Csv,
        [
            new("credit_code", FieldType.Text, true, "统一社会信用代码", "18 characters, GB 32100 check character",
                "信用代码", "社会信用代码", "统一代码", "统一社会信用代码证号", "credit code", "uscc", "unified social credit code"),
            new("name", FieldType.Text, true, "企业名称", "registered name", "名称", "单位名称", "企业名", "enterprise name", "company name", "company"),
            new("district_code", FieldType.Text, true, "行政区划代码", "6-digit GB/T 2260 code valid at as_of, or a district name",
                "所属区县", "区县", "区县代码", "所在区县", "区划代码", "district", "district name", "county"),
            new("industry_code", FieldType.Text, true, "国民经济行业代码", "GB/T 4754-2017 class: section letter + 4 digits, e.g. C3670",
                "行业代码", "所属行业代码", "行业分类代码", "industry", "industry class", "gbt4754"),
            new("founded_on", FieldType.Date, true, "成立日期", "date of establishment, not after as_of",
                "成立时间", "注册日期", "设立日期", "founded", "established on", "founded date"),
            new("status", FieldType.Text, true, "登记状态", "存续/在业/注销/吊销/迁出", "经营状态", "企业状态", "registration status"),
            new("deregistered_on", FieldType.Date, false, "注销日期", "required when status is 注销 or 吊销",
                "吊销日期", "注销/吊销日期", "deregistered", "deregistration date"),
            new("employees", FieldType.Integer, true, "从业人员", "persons, ≥ 0", "从业人数", "从业人员数", "员工人数", "职工人数", "headcount", "employee count"),
            new("revenue", FieldType.Amount, true, "营业收入", "万元 (a header unit 元 is converted), ≥ 0",
                "营业收入总额", "主营业务收入", "operating revenue", "turnover"),
            new("assets", FieldType.Amount, false, "资产总额", "万元, ≥ 0", "资产合计", "总资产", "total assets"),
            new("size_class", FieldType.Text, false, "企业规模", "大型/中型/小型/微型 as reported", "规模", "企业规模类型", "划型", "size", "size class"),
            new("as_of", FieldType.Date, true, "数据日期", "snapshot date; from the file name _YYYY-MM-DD or configuration when absent",
                "统计日期", "截止日期", "快照日期", "snapshot date", "asof")
            {
                ColumnRequired = false,
            },
        ],
        [CreditCode, AsOf]);
}

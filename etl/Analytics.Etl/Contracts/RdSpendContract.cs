namespace Analytics.Etl.Contracts;

/// <summary>研发投入 (R&amp;D spend): enterprise × year; key credit_code + year. Sample: CSV, UTF-8 with BOM.</summary>
public static class RdSpendContract
{
#pragma warning disable CS1591 // the column indexes are named after the columns they index
    public const int CreditCode = 0;
    public const int Year = 1;
    public const int RdExpense = 2;
    public const int MainBusinessRevenue = 3;
    public const int NewProductRevenue = 4;
    public const int RdPersonnel = 5;
    public const int Source = 6;
#pragma warning restore CS1591

    /// <summary>The schema.</summary>
    public static FeedContract Contract { get; } = new(
        FeedKind.RdSpend,
        "研发投入",
        SourceFormat.Csv,
        [
            new("credit_code", FieldType.Text, true, "统一社会信用代码", "18 characters, GB 32100 check character", "信用代码", "社会信用代码", "credit code", "uscc"),
            new("year", FieldType.Integer, true, "年度", "reporting year", "年份", "统计年度", "报告年度", "fiscal year"),
            new("rd_expense", FieldType.Amount, true, "研发费用", "万元, ≥ 0, not above main_business_revenue",
                "研发经费", "研究开发费用", "R&D经费支出", "研发投入", "rd expense", "r&d expense"),
            new("main_business_revenue", FieldType.Amount, true, "主营业务收入", "万元, ≥ 0", "主营收入", "营业收入", "revenue", "main revenue"),
            new("new_product_revenue", FieldType.Amount, false, "新产品销售收入", "万元, ≥ 0", "新产品收入", "new product sales", "new product revenue"),
            new("rd_personnel", FieldType.Integer, false, "研发人员", "persons, ≥ 0", "研发人员数", "研究开发人员", "rd staff", "r&d personnel"),
            new("source", FieldType.Text, false, "数据来源", "统计/税务", "来源", "data source"),
        ],
        [CreditCode, Year]);
}

using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;

namespace Analytics.Etl.Tests.Contracts;

public class FeedContractsTests
{
    // The lake's columns and types, as the lake writer expects them.
    public static TheoryData<FeedKind, string> Columns => new()
    {
        { FeedKind.Registry, "credit_code VARCHAR, name VARCHAR, district_code VARCHAR, industry_code VARCHAR, founded_on DATE, status VARCHAR, deregistered_on DATE, employees INTEGER, revenue DECIMAL(18,2), assets DECIMAL(18,2), size_class VARCHAR, as_of DATE" },
        { FeedKind.Recognitions, "credit_code VARCHAR, person_id VARCHAR, recognition_type VARCHAR, level VARCHAR, granted_on DATE, expires_on DATE, revoked_on DATE, certificate_no VARCHAR, batch VARCHAR" },
        { FeedKind.Patents, "application_no VARCHAR, patent_type INTEGER, title VARCHAR, applicants VARCHAR[], application_date DATE, publication_date DATE, grant_date DATE, legal_status VARCHAR, ipc_main VARCHAR" },
        { FeedKind.RdSpend, "credit_code VARCHAR, year INTEGER, rd_expense DECIMAL(18,2), main_business_revenue DECIMAL(18,2), new_product_revenue DECIMAL(18,2), rd_personnel INTEGER, source VARCHAR" },
        { FeedKind.Survey, "credit_code VARCHAR, survey_year INTEGER, weight DOUBLE, it_in_rd BOOLEAN, it_in_management BOOLEAN, it_in_production_control BOOLEAN, ecommerce_purchase BOOLEAN, ecommerce_sales BOOLEAN, cloud_services BOOLEAN, has_website BOOLEAN" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Canonical_columns_and_types_are_the_lakes(FeedKind kind, string expected) =>
        Assert.Equal(expected, string.Join(", ", FeedContracts.For(kind).Fields.Select(f => $"{f.Name} {f.DuckDbType}")));

    [Theory]
    [InlineData(FeedKind.Registry, "assets,size_class,deregistered_on")]
    [InlineData(FeedKind.Recognitions, "person_id,expires_on,revoked_on,certificate_no,batch")]
    [InlineData(FeedKind.Patents, "publication_date,grant_date,ipc_main")]
    [InlineData(FeedKind.RdSpend, "new_product_revenue,rd_personnel,source")]
    public void Optional_fields_are_the_documented_ones(FeedKind kind, string optional) =>
        Assert.Equal(optional.Split(',').Order(), FeedContracts.For(kind).Fields.Where(f => !f.Required).Select(f => f.Name).Order());

    [Fact]
    public void No_alias_names_two_fields_of_one_feed()
    {
        foreach (var contract in FeedContracts.All)
        {
            var keys = contract.Fields.SelectMany(f => f.Aliases.Select(a => (Key: HeaderKey.Of(a), f.Name))).ToList();
            var clashes = keys.GroupBy(k => k.Key).Where(g => g.Select(x => x.Name).Distinct().Count() > 1).Select(g => g.Key).ToList();
            Assert.True(clashes.Count == 0, $"{contract.Kind}: {string.Join(", ", clashes)}");
        }
    }

    [Theory]
    [InlineData("营业收入(万元)", "revenue", "万元")]
    [InlineData("营业收入（元）", "revenue", "元")]
    [InlineData("营业收入 ( 元 )", "revenue", "元")]
    [InlineData("营业收入[单位:千元]", "revenue", "单位:千元")]
    [InlineData("营业收入万元", "revenue", "万元")]
    [InlineData("Revenue", "revenue", "")]
    [InlineData("REVENUE (CNY)", "revenue", "CNY")]
    [InlineData("*统一社会信用代码", "credit_code", "")]
    [InlineData("统一社会信用代码\u3000", "credit_code", "")]
    [InlineData("Credit_Code", "credit_code", "")]
    [InlineData("ｃｒｅｄｉｔ＿ｃｏｄｅ", "credit_code", "")]
    [InlineData("从业人员(人)", "employees", "人")]
    [InlineData("所属区县", "district_code", "")]
    [InlineData("数据日期", "as_of", "")]
    public void Registry_headers_match_ignoring_case_spaces_width_and_units(string header, string field, string unit)
    {
        var matcher = new HeaderMatcher(RegistryContract.Contract);
        var index = matcher.Match(header, out _, out var foundUnit);
        Assert.Equal(field, index >= 0 ? RegistryContract.Contract.Fields[index].Name : "(none)");
        Assert.Equal(unit.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal), foundUnit);
    }

    [Fact]
    public void Every_generator_header_matches_its_field()
    {
        var headers = new Dictionary<FeedKind, string[]>
        {
            [FeedKind.Registry] = ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "成立日期", "登记状态", "注销日期", "从业人员", "营业收入(万元)", "资产总额(万元)", "企业规模", "数据日期"],
            [FeedKind.Recognitions] = ["统一社会信用代码", "人员编号", "认定类型", "认定级别", "认定日期", "有效期至", "撤销日期", "证书编号", "批次"],
            [FeedKind.Patents] = ["申请号", "专利类型", "名称", "申请人", "申请日", "公开日", "授权日", "法律状态", "主分类号"],
            [FeedKind.RdSpend] = ["统一社会信用代码", "年度", "研发费用(万元)", "主营业务收入(万元)", "新产品销售收入(万元)", "研发人员", "数据来源"],
            [FeedKind.Survey] = ["统一社会信用代码", "调查年度", "权重", "研发环节应用信息技术", "管理环节应用信息技术", "生产控制应用信息技术", "电子商务采购", "电子商务销售", "使用云服务", "拥有网站"],
        };
        foreach (var (kind, list) in headers)
        {
            var contract = FeedContracts.For(kind);
            var matcher = new HeaderMatcher(contract);
            Assert.Equal(Enumerable.Range(0, list.Length), list.Select(h => matcher.Match(h, out _, out _)));
            Assert.Equal(Enumerable.Range(0, contract.Fields.Count), contract.Fields.Select(f => matcher.Match(f.Name, out _, out _)));
        }
    }

    [Fact]
    public void A_record_returns_typed_values_and_refuses_to_read_nulls_as_values()
    {
        var record = new FeedRecord(RegistryContract.Contract);
        record.SetAmount(RegistryContract.Revenue, 12.5m);
        record.SetDate(RegistryContract.AsOf, new DateOnly(2016, 12, 31));

        Assert.Equal(12.5m, record.GetDecimal(RegistryContract.Revenue));
        Assert.Equal(new DateOnly(2016, 12, 31), record.GetValue(RegistryContract.AsOf));
        Assert.True(record.IsNull(RegistryContract.Assets));
        Assert.Throws<InvalidOperationException>(() => record.GetDecimal(RegistryContract.Assets));
    }
}

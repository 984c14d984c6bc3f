namespace Analytics.Reference.Tests;

public class SizeClassRulesTests
{
    private const string Header =
        "rule_id,sector_zh,sector_en,scope,large_employees,large_revenue,large_assets,medium_employees,medium_revenue,medium_assets,small_employees,small_revenue,small_assets,source\n";

    // The figures of shared/reference/sme-size-classes.md (工信部联企业〔2011〕300号): null where the notice sets no figure.
    [Theory]
    [InlineData("AGRI", "A", null, 20000.0, null, null, 500.0, null, null, 50.0, null)]
    [InlineData("INDUSTRY", "B;C;D", 1000.0, 40000.0, null, 300.0, 2000.0, null, 20.0, 300.0, null)]
    [InlineData("CONSTRUCTION", "E", null, 80000.0, 80000.0, null, 6000.0, 5000.0, null, 300.0, 300.0)]
    [InlineData("WHOLESALE", "51", 200.0, 40000.0, null, 20.0, 5000.0, null, 5.0, 1000.0, null)]
    [InlineData("RETAIL", "52", 300.0, 20000.0, null, 50.0, 500.0, null, 10.0, 100.0, null)]
    [InlineData("TRANSPORT", "53;54;55;56;57;58", 1000.0, 30000.0, null, 300.0, 3000.0, null, 20.0, 200.0, null)]
    [InlineData("WAREHOUSING", "59", 200.0, 30000.0, null, 100.0, 1000.0, null, 20.0, 100.0, null)]
    [InlineData("POST", "60", 1000.0, 30000.0, null, 300.0, 2000.0, null, 20.0, 100.0, null)]
    [InlineData("HOSPITALITY", "61;62", 300.0, 10000.0, null, 100.0, 2000.0, null, 10.0, 100.0, null)]
    [InlineData("INFO_TRANSMISSION", "63;64", 2000.0, 100000.0, null, 100.0, 1000.0, null, 10.0, 100.0, null)]
    [InlineData("SOFTWARE", "65", 300.0, 10000.0, null, 100.0, 1000.0, null, 10.0, 50.0, null)]
    [InlineData("REAL_ESTATE_DEV", "701", null, 200000.0, 10000.0, null, 1000.0, 5000.0, null, 100.0, 2000.0)]
    [InlineData("PROPERTY_MGMT", "702", 1000.0, 5000.0, null, 300.0, 1000.0, null, 100.0, 500.0, null)]
    [InlineData("LEASING_BUSINESS", "L", 300.0, null, 120000.0, 100.0, null, 8000.0, 10.0, null, 100.0)]
    [InlineData("OTHER", "*", 300.0, null, null, 100.0, null, null, 10.0, null, null)]
    public void Embedded_rules_follow_the_2011_notice(
        string ruleId, string scope,
        double? largeEmployees, double? largeRevenue, double? largeAssets,
        double? mediumEmployees, double? mediumRevenue, double? mediumAssets,
        double? smallEmployees, double? smallRevenue, double? smallAssets)
    {
        var rule = Assert.Single(SizeClassRules.Default.Rules, r => r.RuleId == ruleId);

        Assert.Equal(scope.Split(';'), rule.Scope);
        Assert.Equal(new SizeThresholds(largeEmployees, largeRevenue, largeAssets), rule.Large);
        Assert.Equal(new SizeThresholds(mediumEmployees, mediumRevenue, mediumAssets), rule.Medium);
        Assert.Equal(new SizeThresholds(smallEmployees, smallRevenue, smallAssets), rule.Small);
        Assert.Equal("工信部联企业〔2011〕300号", rule.Source);
    }

    [Fact]
    public void Embedded_file_has_the_fifteen_rows_of_the_notice() => Assert.Equal(15, SizeClassRules.Default.Rules.Count);

    [Fact]
    public void Every_rule_uses_the_same_one_or_two_figures_at_each_class_and_they_fall_from_large_to_small() =>
        Assert.All(SizeClassRules.Default.Rules, rule =>
        {
            Assert.Equal(Used(rule.Large), Used(rule.Medium));
            Assert.Equal(Used(rule.Large), Used(rule.Small));
            Assert.InRange(Used(rule.Large).Count(u => u), 1, 2);
            Assert.True(Falls(rule.Large.Employees, rule.Medium.Employees, rule.Small.Employees), rule.RuleId);
            Assert.True(Falls(rule.Large.Revenue, rule.Medium.Revenue, rule.Small.Revenue), rule.RuleId);
            Assert.True(Falls(rule.Large.Assets, rule.Medium.Assets, rule.Small.Assets), rule.RuleId);
        });

    [Fact]
    public void Names_and_quoted_fields_are_read()
    {
        var rule = Assert.Single(SizeClassRules.Default.Rules, r => r.RuleId == "AGRI");

        Assert.Equal("农、林、牧、渔业", rule.SectorZh);
        Assert.Equal("Agriculture, forestry, animal husbandry, fishery", rule.SectorEn);
    }

    [Theory]
    [InlineData("X,x,x,C,1000,lots,,300,2000,,20,300,,s", "large_revenue 'lots'")]
    [InlineData("X,x,x,C3,1000,,,300,,,20,,,s", "scope code 'C3'")]
    [InlineData("X,x,x,36;36711,1000,,,300,,,20,,,s", "scope code '36711'")]
    [InlineData("X,x,x,C,1000,,,300,,,20,,,s\nY,y,y,B;C,1000,,,300,,,20,,,s", "code 'C' is in the scope of both 'X' and 'Y'")]
    [InlineData("X,x,x,C,1000,,,300,,,20,,,s\nX,x,x,B,1000,,,300,,,20,,,s", "rule 'X' appears twice")]
    public void Malformed_rows_are_refused_with_the_reason(string rows, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => SizeClassRules.Parse(Header + rows, "test.csv"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_figures_and_blank_scope_entries_mean_not_used()
    {
        var rules = SizeClassRules.Parse(Header + "X,x,x, C ; ;D,1000, ,,300,,,20,,,s\n", "test.csv");

        var rule = Assert.Single(rules.Rules);
        Assert.Equal(["C", "D"], rule.Scope);
        Assert.Equal(new SizeThresholds(1000, null, null), rule.Large);
    }

    private static bool[] Used(SizeThresholds t) => [t.Employees is not null, t.Revenue is not null, t.Assets is not null];

    private static bool Falls(double? large, double? medium, double? small) =>
        large is null || (large > medium && medium > small);
}

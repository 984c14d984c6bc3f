namespace Analytics.Reference.Tests;

public class SizeClassRuleScopeTests
{
    // Which row of shared/reference/sme-size-classes.md a GB/T 4754-2017 class falls under.
    [Theory]
    [InlineData("A0111", "AGRI")]
    [InlineData("B0610", "INDUSTRY")]
    [InlineData("C3670", "INDUSTRY")]
    [InlineData("D4411", "INDUSTRY")]
    [InlineData("E4710", "CONSTRUCTION")]
    [InlineData("F5110", "WHOLESALE")]
    [InlineData("F5210", "RETAIL")]
    [InlineData("G5310", "TRANSPORT")]
    [InlineData("G5430", "TRANSPORT")]
    [InlineData("G5810", "TRANSPORT")]
    [InlineData("G5910", "WAREHOUSING")]
    [InlineData("G6010", "POST")]
    [InlineData("H6110", "HOSPITALITY")]
    [InlineData("H6210", "HOSPITALITY")]
    [InlineData("I6310", "INFO_TRANSMISSION")]
    [InlineData("I6410", "INFO_TRANSMISSION")]
    [InlineData("I6510", "SOFTWARE")]
    [InlineData("K7010", "REAL_ESTATE_DEV")] // a group (701) is more specific than anything else that matches
    [InlineData("K7020", "PROPERTY_MGMT")]
    [InlineData("K7030", "OTHER")] // 房地产中介服务 is not in the notice's table
    [InlineData("L7110", "LEASING_BUSINESS")]
    [InlineData("L7212", "LEASING_BUSINESS")]
    [InlineData("J6610", "OTHER")]
    [InlineData("M7320", "OTHER")]
    [InlineData("c3670", "INDUSTRY")] // the section letter is matched in upper case, as in the warehouse
    [InlineData("C36", "INDUSTRY")]
    [InlineData("", "OTHER")]
    public void The_most_specific_scope_code_wins(string industryCode, string ruleId) =>
        Assert.Equal(ruleId, SizeClassRules.Default.For(industryCode)?.RuleId);

    [Fact]
    public void A_class_code_beats_its_group_division_and_section()
    {
        var rules = SizeClassRules.Parse(
            """
            rule_id,sector_zh,sector_en,scope,large_employees,large_revenue,large_assets,medium_employees,medium_revenue,medium_assets,small_employees,small_revenue,small_assets,source
            SECTION,s,s,C,1,,,1,,,1,,,s
            DIVISION,d,d,36,1,,,1,,,1,,,s
            GROUP,g,g,367,1,,,1,,,1,,,s
            CLASS,c,c,3670,1,,,1,,,1,,,s
            """, "test.csv");

        Assert.Equal("CLASS", rules.For("C3670")?.RuleId);
        Assert.Equal("GROUP", rules.For("C3671")?.RuleId);
        Assert.Equal("DIVISION", rules.For("C3610")?.RuleId);
        Assert.Equal("SECTION", rules.For("C1310")?.RuleId);
    }

    [Fact]
    public void Without_a_catch_all_rule_an_unlisted_code_has_none()
    {
        var rules = SizeClassRules.Parse(
            """
            rule_id,sector_zh,sector_en,scope,large_employees,large_revenue,large_assets,medium_employees,medium_revenue,medium_assets,small_employees,small_revenue,small_assets,source
            INDUSTRY,i,i,C,1,,,1,,,1,,,s
            """, "test.csv");

        Assert.Null(rules.For("M7320"));
    }
}

using Analytics.DemoData.Population;
using Analytics.Etl.Identifiers;

namespace Analytics.DemoData.Tests;

public class IdentifierTests
{
    [Theory]
    [InlineData("M000100Y", '4')] // the GB 32100 example code 91350100M000100Y43
    public void Organization_code_check_follows_gb_11714(string body, char expected)
    {
        Assert.Equal(expected, OrganizationCode.CheckCharacter(body));
    }

    [Fact]
    public void Organization_codes_are_unique_and_credit_codes_valid()
    {
        var codes = Enumerable.Range(0, 20_000).Select(i => OrganizationCode.For(i, 12345, reformEra: i % 2 == 0)).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes.Take(500), c =>
        {
            Assert.Equal(OrganizationCode.CheckCharacter(c.AsSpan(0, 8)), c[8]);
            Assert.True(CreditCode.IsValid(OrganizationCode.CreditCodeFor('9', '1', "500227", c)));
        });
    }

    [Theory]
    [InlineData("C3670", 1000, 40000, 0, "Large")]
    [InlineData("C3670", 999, 40000, 0, "Medium")]
    [InlineData("C3670", 300, 2000, 0, "Medium")]
    [InlineData("C3670", 20, 300, 0, "Small")]
    [InlineData("C3670", 19, 5000, 0, "Micro")]
    [InlineData("F5110", 20, 5000, 0, "Medium")]
    [InlineData("F5210", 10, 100, 0, "Small")]
    [InlineData("E4710", 5, 6000, 5000, "Medium")]
    [InlineData("I6510", 100, 1000, 0, "Medium")]
    [InlineData("K7010", 3, 100, 2000, "Small")]
    [InlineData("L7210", 100, 0, 8000, "Medium")]
    [InlineData("M7320", 9, 0, 0, "Micro")]
    public void Size_rules_follow_the_2011_thresholds(string industry, int employees, double revenue, double assets, string expected)
    {
        Assert.Equal(Enum.Parse<SizeClass>(expected), SizeRules.For(industry).Classify(employees, revenue, assets));
    }
}

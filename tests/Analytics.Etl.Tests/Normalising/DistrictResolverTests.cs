using Analytics.Etl.Normalising;
using Analytics.Reference;
using Outcome = Analytics.Etl.Normalising.DistrictResolver.Outcome;

namespace Analytics.Etl.Tests.Normalising;

public class DistrictResolverTests
{
    private static readonly DistrictResolver Resolver = new(ReferenceData.Default);

    // 璧山县 (500227) became 璧山区 (500120) in 2014-05; 开县 (500234) became 开州区 (500154) in 2016-06.
    [Theory]
    [InlineData("500120", "2016-12-31", Outcome.Code, "500120")]
    [InlineData("500227", "2013-12-31", Outcome.Code, "500227")]
    [InlineData("500227", "2016-12-31", Outcome.CodeNotValidAtDate, "500227")]
    [InlineData("500120", "2013-12-31", Outcome.CodeNotValidAtDate, "500120")]
    [InlineData("璧山县", "2013-12-31", Outcome.Name, "500227")]
    [InlineData("璧山区", "2016-12-31", Outcome.Name, "500120")]
    [InlineData("璧山县", "2016-12-31", Outcome.SupersededName, "500120")]
    [InlineData("璧山区", "2013-12-31", Outcome.SupersededName, "500227")]
    [InlineData("璧山", "2013-12-31", Outcome.Name, "500227")]
    [InlineData("璧山", "2016-12-31", Outcome.Name, "500120")]
    [InlineData("重庆市璧山区", "2016-12-31", Outcome.Name, "500120")]
    [InlineData("开县", "2017-01-01", Outcome.SupersededName, "500154")]
    [InlineData("石柱县", "2016-12-31", Outcome.Name, "500240")]
    [InlineData("岳阳楼区", "2021-12-31", Outcome.Name, "430602")]
    [InlineData("110101", "2016-12-31", Outcome.Unknown, null)]
    [InlineData("火星区", "2016-12-31", Outcome.Unknown, null)]
    public void Resolves_codes_and_names_at_a_date(string written, string date, Outcome expected, string? code)
    {
        var outcome = Resolver.Resolve(written, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var district);
        Assert.Equal(expected, outcome);
        Assert.Equal(code, district?.Code);
    }

    [Fact]
    public void The_change_month_itself_belongs_to_the_new_code()
    {
        var change = ReferenceData.Default.DistrictsByCode["500227"].ValidTo!.Value;
        Assert.Equal(Outcome.CodeNotValidAtDate, Resolver.Resolve("500227", change, out _));
        Assert.Equal(Outcome.Code, Resolver.Resolve("500227", change.AddDays(-1), out _));
    }
}

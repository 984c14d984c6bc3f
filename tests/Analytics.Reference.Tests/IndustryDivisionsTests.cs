using Analytics.Reference;

namespace Analytics.Reference.Tests;

public class IndustryDivisionsTests
{
    [Theory]
    [InlineData(1, 'A')]
    [InlineData(5, 'A')]
    [InlineData(6, 'B')]
    [InlineData(13, 'C')]
    [InlineData(36, 'C')]
    [InlineData(43, 'C')]
    [InlineData(44, 'D')]
    [InlineData(51, 'F')]
    [InlineData(65, 'I')]
    [InlineData(70, 'K')]
    [InlineData(97, 'T')]
    [InlineData(0, '\0')]
    [InlineData(98, '\0')]
    public void Divisions_belong_to_their_sections(int division, char section) =>
        Assert.Equal(section, IndustryDivisions.SectionOf(division));

    [Fact]
    public void Agrees_with_every_division_in_the_embedded_industries_table()
    {
        var industries = ReferenceData.Default.Industries.Where(i => i.Level == "division").ToList();
        Assert.NotEmpty(industries);
        foreach (var division in industries)
        {
            Assert.Equal(division.NameZh, IndustryDivisions.NameZh(int.Parse(division.Code, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Every_division_has_a_section_and_a_name() =>
        Assert.All(Enumerable.Range(1, IndustryDivisions.Count), d =>
        {
            Assert.NotEqual('\0', IndustryDivisions.SectionOf(d));
            Assert.False(string.IsNullOrEmpty(IndustryDivisions.NameZh(d)));
        });
}

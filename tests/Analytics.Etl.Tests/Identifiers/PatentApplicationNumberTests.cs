using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Tests.Identifiers;

public class PatentApplicationNumberTests
{
    [Theory]
    [InlineData("CN201310123456.7", "201310123456.7")]
    [InlineData("201310123456.7", "201310123456.7")]
    [InlineData("2013101234567", "201310123456.7")]
    [InlineData("cn 200410012345.x", "200410012345.X")]
    [InlineData("03123456.1", "03123456.1")]
    public void Normalises_written_forms(string written, string canonical) =>
        Assert.Equal(canonical, PatentApplicationNumber.Normalise(written));

    [Fact]
    public void Check_character_is_weighted_sum_mod_11()
    {
        // 2 0 1 3 1 0 1 2 3 4 5 6 with weights 2 3 4 5 6 7 8 9 2 3 4 5
        var sum = (2 * 2) + (0 * 3) + (1 * 4) + (3 * 5) + (1 * 6) + (0 * 7) + (1 * 8) + (2 * 9) + (3 * 2) + (4 * 3) + (5 * 4) + (6 * 5);
        var expected = sum % 11 == 10 ? 'X' : (char)('0' + (sum % 11));
        Assert.Equal(expected, PatentApplicationNumber.ComputeCheckCharacter("201310123456"));
        Assert.True(PatentApplicationNumber.IsValid("201310123456." + expected));
        Assert.Equal(1, PatentApplicationNumber.TypeDigit("201310123456." + expected));
    }
}

using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Tests.Identifiers;

public class CreditCodeTests
{
    // Published codes of well-known companies (check characters computed by the issuing authority).
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440300708461136T")]
    [InlineData("91110000802100433B")]
    public void Accepts_published_codes(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44", "wrong check digit")]
    [InlineData("91350100M0001O0Y43", "letter O for zero")]
    [InlineData("91350100M000100Y4", "too short")]
    [InlineData("", "empty")]
    public void Rejects_bad_codes(string code, string why) => Assert.False(CreditCode.IsValid(code), why);

    [Fact]
    public void Check_of_31_is_zero()
    {
        // Brute-force a body whose weighted sum is a multiple of 31; its check character must be '0'.
        var body = "9150010000000000".ToCharArray();
        foreach (var c in CreditCode.Alphabet)
        {
            var candidate = new string(body) + c;
            var sum = 0;
            int[] w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
            for (var i = 0; i < 17; i++)
            {
                sum += CreditCode.ValueOf(candidate[i]) * w[i];
            }

            if (sum % 31 == 0)
            {
                Assert.Equal('0', CreditCode.ComputeCheckCharacter(candidate));
                return;
            }
        }

        Assert.Fail("no body with a sum divisible by 31 found");
    }
}

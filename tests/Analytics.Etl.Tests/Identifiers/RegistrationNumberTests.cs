using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Tests.Identifiers;

public class RegistrationNumberTests
{
    // ISO 7064 MOD 11,10, computed here from its definition.
    private static char CheckDigit(string first14)
    {
        var p = 10;
        foreach (var c in first14)
        {
            var s = (p + (c - '0')) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }

        for (var d = 0; d <= 9; d++)
        {
            if ((p + d) % 10 == 1)
            {
                return (char)('0' + d);
            }
        }

        throw new InvalidOperationException();
    }

    [Theory]
    [InlineData("50010600001234")]
    [InlineData("43060000000001")]
    public void Accepts_a_number_with_its_check_digit_and_rejects_others(string first14)
    {
        var check = CheckDigit(first14);
        Assert.True(RegistrationNumber.IsValid(first14 + check));
        Assert.False(RegistrationNumber.IsValid(first14 + (char)('0' + ((check - '0' + 1) % 10))));
        Assert.True(RegistrationNumber.HasShape(first14 + check));
        Assert.False(RegistrationNumber.HasShape(first14 + "X"));
    }
}

using Analytics.Etl.Identifiers;
using Analytics.Etl.Normalising;
using Analytics.Etl.Tests.Support;
using Outcome = Analytics.Etl.Normalising.CreditCodeReading.Outcome;

namespace Analytics.Etl.Tests.Normalising;

public class CreditCodeReadingTests
{
    private static readonly string Valid = Codes.Credit(12345);

    public static TheoryData<string, Outcome, string> Cases => new()
    {
        { Valid, Outcome.Valid, Valid },
        { Valid.ToLowerInvariant(), Outcome.Valid, Valid },
        { Codes.FullWidth(Valid), Outcome.Valid, Valid },
        { " " + Valid[..6] + " " + Valid[6..] + "\u3000 ", Outcome.Valid, Valid },
        { Valid.Replace('0', 'O'), Outcome.ValidAfterOForZero, Valid },
        { Codes.FullWidth(Valid.Replace('0', 'O')), Outcome.ValidAfterOForZero, Valid },
        { Codes.WrongCheck(Valid), Outcome.WrongCheckCharacter, "" },
        { "", Outcome.Missing, "" },
        { "   ", Outcome.Missing, "" },
        { "500106000012345", Outcome.LegacyRegistrationNumber, "" },
        { Valid[..17], Outcome.Malformed, "" },
        { Valid[..17] + "I", Outcome.Malformed, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifies_and_cleans_written_codes(string written, Outcome expected, string cleaned)
    {
        var code = new char[32];
        var outcome = CreditCodeReading.Read(written, code, out var length);
        Assert.Equal(expected, outcome);
        if (cleaned.Length > 0)
        {
            Assert.Equal(cleaned, new string(code, 0, length));
        }
    }

    [Fact]
    public void An_O_that_does_not_validate_after_fixing_stays_an_error()
    {
        // Replace a zero by O and also break the check character: fixing O does not make it valid, so it is not
        // "fixed", and the O (never a credit-code symbol) makes it malformed as written.
        var broken = Codes.WrongCheck(Valid).Replace('0', 'O');
        Assert.Equal(Outcome.Malformed, CreditCodeReading.Read(broken, new char[32], out _));
    }

    [Fact]
    public void The_fast_check_agrees_with_the_reference_check_on_many_codes()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[18];
            for (var k = 0; k < 18; k++)
            {
                chars[k] = CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)];
            }

            if (i % 2 == 0)
            {
                chars[17] = CreditCode.ComputeCheckCharacter(chars.AsSpan(0, 17));
            }

            Assert.Equal(CreditCode.IsValid(chars), CreditCodeCheck.IsValid(chars));
        }
    }
}

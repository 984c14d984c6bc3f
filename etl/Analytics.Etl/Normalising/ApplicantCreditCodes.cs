using Analytics.Etl.Identifiers;

namespace Analytics.Etl.Normalising;

/// <summary>
/// Which applicants of a patent are unified social credit codes: the lake's <c>applicant_credit_codes</c>, parallel to
/// <c>applicants</c>. An applicant is read as the registry reads a credit code (<see cref="CreditCodeReading"/>: folded,
/// O typed for zero fixed only when the GB 32100 check character then holds); a valid code gives its normalised form,
/// anything else (a person, a university, a code-like text whose check character is wrong) gives null.
/// </summary>
public static class ApplicantCreditCodes
{
    /// <summary>The credit code of each applicant, or null where the applicant is not one; same length and order.</summary>
    public static string?[] Of(IReadOnlyList<string> applicants)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var codes = new string?[applicants.Count];
        Span<char> code = stackalloc char[32];
        for (var i = 0; i < codes.Length; i++)
        {
            var applicant = applicants[i];
            if (CreditCodeReading.Read(applicant, code, out _) is CreditCodeReading.Outcome.Valid or CreditCodeReading.Outcome.ValidAfterOForZero)
            {
                var normalised = code[..CreditCode.Length];
                codes[i] = normalised.SequenceEqual(applicant) ? applicant : new string(normalised);
            }
        }

        return codes;
    }
}

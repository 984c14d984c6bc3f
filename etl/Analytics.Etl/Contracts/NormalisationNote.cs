namespace Analytics.Etl.Contracts;

/// <summary>
/// A change normalisation made to a value that a reader of the data should be able to see (it is not just widths or
/// spaces): the letter O typed for zero in a credit code, an amount converted from 元, a superseded district name.
/// </summary>
/// <param name="Kind">Stable id, one of <see cref="NoteKinds"/>.</param>
/// <param name="Field">Canonical field name.</param>
/// <param name="Original">The value as written.</param>
/// <param name="Normalised">The value loaded.</param>
public sealed record NormalisationNote(string Kind, string Field, string Original, string Normalised);

/// <summary>The kinds of <see cref="NormalisationNote"/>.</summary>
public static class NoteKinds
{
    /// <summary>A credit code with the letter O where 0 belongs; fixed because the result passes the check character.</summary>
    public const string CreditCodeOForZero = "credit_code_o_for_zero";

    /// <summary>A district name that was superseded at as_of (璧山县 in 2016) mapped to the code valid then (璧山区).</summary>
    public const string DistrictNameSuperseded = "district_name_superseded";

    /// <summary>A district written as a name, mapped to its code.</summary>
    public const string DistrictNameMapped = "district_name_mapped";

    /// <summary>A 4-digit industry class without its section letter; the letter was added from the division.</summary>
    public const string IndustrySectionAdded = "industry_section_added";

    /// <summary>An applicant that looks like a credit code but fails its check; kept as written.</summary>
    public const string ApplicantNotACreditCode = "applicant_not_a_credit_code";
}

using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;
using Analytics.Reference;

namespace Analytics.Etl.Validation;

/// <summary>
/// <c>industry_code_format</c>, <c>industry_code_unknown</c>, <c>industry_section_mismatch</c>: a GB/T 4754-2017 class
/// is a section letter and 4 digits whose first two (the division) exist and belong to that section. Four digits without
/// the letter are completed from the division (noted). Classes within a division are not checked individually.
/// </summary>
internal static class IndustryCodeRule
{
    public static bool Apply(ReadOnlySpan<char> written, ReadOnlySpan<char> folded, StringPool pool, FeedRecord record, int field, ref Violation? violation)
    {
        var hasLetter = folded.Length == 5 && folded[0] is >= 'A' and <= 'Z';
        var digits = hasLetter ? folded[1..] : folded;
        if (digits.Length != 4 || !(folded.Length == 5 ? hasLetter : folded.Length == 4) || !AllDigits(digits))
        {
            violation = new Violation(RuleIds.IndustryCodeFormat, field, written.ToString(),
                "not a GB/T 4754-2017 class", "give the class as a section letter and 4 digits, e.g. C3670.");
            return false;
        }

        var division = ((digits[0] - '0') * 10) + (digits[1] - '0');
        var section = IndustryDivisions.SectionOf(division);
        if (section == '\0')
        {
            violation = new Violation(RuleIds.IndustryCodeUnknown, field, written.ToString(),
                $"division {digits[..2]} does not exist in GB/T 4754-2017", "check the class code against GB/T 4754-2017 (divisions 01–97).");
            return false;
        }

        if (hasLetter && folded[0] != section)
        {
            violation = new Violation(RuleIds.IndustrySectionMismatch, field, written.ToString(),
                $"division {digits[..2]} ({IndustryDivisions.NameZh(division)}) belongs to section {section}, not {folded[0]}",
                $"correct the letter or the digits (e.g. {section}{digits}).");
            return false;
        }

        if (hasLetter)
        {
            record.SetText(field, pool.Get(folded));
            return true;
        }

        Span<char> full = stackalloc char[5];
        full[0] = section;
        digits.CopyTo(full[1..]);
        var code = pool.Get(full);
        record.SetText(field, code);
        record.AddNote(new NormalisationNote(NoteKinds.IndustrySectionAdded, record.Contract.Fields[field].Name, written.ToString(), code));
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

using Analytics.Etl.Contracts;
using Analytics.Etl.Identifiers;
using Analytics.Etl.Normalising;

namespace Analytics.Etl.Validation;

/// <summary>
/// <c>credit_code_check_digit</c>, <c>credit_code_format</c>, <c>credit_code_legacy</c>: the GB 32100 credit code,
/// folded (case, width, spaces) and with the letter O typed for zero fixed when the fixed code passes its check (noted).
/// A 15-digit registration number is quarantined: it identifies the firm in a different series that the other feeds
/// do not use, so loading it would create an enterprise nothing can join to.
/// </summary>
internal static class CreditCodeRule
{
    public static bool Apply(ReadOnlySpan<char> written, FeedRecord record, int field, bool required, ref Violation? violation)
    {
        Span<char> code = stackalloc char[32];
        switch (CreditCodeReading.Read(written, code, out var length))
        {
            case CreditCodeReading.Outcome.Valid:
                record.SetText(field, new string(code[..CreditCode.Length]));
                return true;

            case CreditCodeReading.Outcome.ValidAfterOForZero:
            {
                var fixedCode = new string(code[..CreditCode.Length]);
                record.SetText(field, fixedCode);
                record.AddNote(new NormalisationNote(NoteKinds.CreditCodeOForZero, record.Contract.Fields[field].Name, written.ToString(), fixedCode));
                return true;
            }

            case CreditCodeReading.Outcome.Missing:
                record.SetNull(field);
                if (!required)
                {
                    return true;
                }

                violation = new Violation(RuleIds.RequiredMissing, field, null, "the credit code is blank", "fill in the 18-character 统一社会信用代码.");
                return false;

            case CreditCodeReading.Outcome.WrongCheckCharacter:
            {
                var expected = CreditCode.ComputeCheckCharacter(code[..17]);
                violation = new Violation(RuleIds.CreditCodeCheckDigit, field, written.ToString(),
                    $"the check character is '{code[17]}' but GB 32100 gives '{expected}' for the first 17",
                    "copy the code again from the business licence; one of its characters is mistyped.");
                return false;
            }

            case CreditCodeReading.Outcome.LegacyRegistrationNumber:
            {
                var valid = RegistrationNumber.IsValid(code[..RegistrationNumber.Length]);
                violation = new Violation(RuleIds.CreditCodeLegacy, field, written.ToString(),
                    valid ? "a 15-digit 工商注册号 (old registration number), not a credit code" : "15 digits (an old 工商注册号?) with a wrong check digit",
                    "supply the enterprise's 18-character 统一社会信用代码 (look it up by name in the credit information system).");
                return false;
            }

            default:
                violation = new Violation(RuleIds.CreditCodeFormat, field, written.ToString(),
                    $"not a credit code: {length} characters after removing spaces (18 needed; the letters I, O, S, V, Z are never used)",
                    "give the 18-character 统一社会信用代码 exactly as on the business licence.");
                return false;
        }
    }
}

using Analytics.Etl.Contracts;
using Analytics.Etl.Identifiers;
using Analytics.Etl.Normalising;
using Analytics.Etl.Reading;
using static Analytics.Etl.Contracts.PatentsContract;

namespace Analytics.Etl.Validation;

/// <summary>
/// 专利 rows: the application number (format and check character), a type consistent with it, applicants in order —
/// credit codes normalised, persons and universities kept as written — and dates in order.
/// </summary>
internal sealed class PatentsValidator(ValidationContext context) : FeedValidator(PatentsContract.Contract, context)
{
    private readonly List<string> applicants = [];

    public override bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        record.Clear();
        if (!ReadApplicationNo(row, record, ref violation)
            || !ReadPatentType(row, record, ref violation)
            || !ReadText(row, record, Title, true, false, ref violation)
            || !ReadApplicants(row, record, ref violation)
            || !ReadDate(row, record, ApplicationDate, true, ref violation)
            || !ReadDate(row, record, PublicationDate, false, ref violation)
            || !ReadDate(row, record, GrantDate, false, ref violation))
        {
            return false;
        }

        var filed = record.GetDate(ApplicationDate);
        foreach (var later in (ReadOnlySpan<int>)[PublicationDate, GrantDate])
        {
            if (!record.IsNull(later) && record.GetDate(later) < filed)
            {
                return Fail(ref violation, RuleIds.DateOrder, later, row[later],
                    $"{FieldName(later)} is before the application date {filed:yyyy-MM-dd}", "check both dates.");
            }
        }

        if (!ReadChoice(row, record, LegalStatus, Vocabularies.LegalStatus, true, RuleIds.LegalStatusUnknown, ref violation))
        {
            return false;
        }

        if (record.GetString(LegalStatus) == "有效" && record.IsNull(GrantDate))
        {
            return Fail(ref violation, RuleIds.GrantDateMissing, GrantDate, [],
                "the patent is 有效 (in force) but has no grant date", "fill in 授权日, or correct 法律状态 (审中 while pending).");
        }

        return ReadCodeText(row, record, IpcMain, false, true, ref violation);
    }

    private bool ReadApplicationNo(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        var written = row[ApplicationNo];
        var folded = FoldCode(written);
        if (folded.IsEmpty)
        {
            return Missing(ref violation, ApplicationNo);
        }

        if (PatentApplicationNumber.Normalise(folded) is not { } canonical || !AllDigitsBeforeCheck(canonical))
        {
            return Fail(ref violation, RuleIds.PatentNumberFormat, ApplicationNo, written, "not a CNIPA application number",
                "write it as 201310123456.7 (CN prefix and the dot are optional).");
        }

        if (!PatentApplicationNumber.IsValid(canonical))
        {
            var expected = PatentApplicationNumber.ComputeCheckCharacter(canonical.AsSpan(0, canonical.Length - 2));
            return Fail(ref violation, RuleIds.PatentCheckDigit, ApplicationNo, written,
                $"the check character is '{canonical[^1]}' but the digits give '{expected}'", "copy the number again from the patent record.");
        }

        record.SetText(ApplicationNo, canonical);
        return true;
    }

    private bool ReadPatentType(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        var written = row[PatentType];
        var text = FoldCode(written);
        if (text.IsEmpty)
        {
            return Missing(ref violation, PatentType);
        }

        var digit = PatentApplicationNumber.TypeDigit(record.GetString(ApplicationNo)) ?? 0;
        int type;
        if (text.Length == 1 && text[0] is '1' or '2' or '3' or '8' or '9')
        {
            type = text[0] - '0';
        }
        else
        {
            type = Vocabularies.PatentTypeWord.Find(written) switch
            {
                "发明" => digit == 8 ? 8 : 1,
                "实用新型" => digit == 9 ? 9 : 2,
                "外观设计" => 3,
                "PCT发明" => 8,
                "PCT实用新型" => 9,
                _ => 0,
            };
        }

        if (type == 0)
        {
            return Fail(ref violation, RuleIds.PatentTypeUnknown, PatentType, written, "not a patent type",
                "use 1/2/3/8/9 or 发明/实用新型/外观设计.");
        }

        if (digit != 0 && digit != type)
        {
            return Fail(ref violation, RuleIds.PatentTypeMismatch, PatentType, written,
                $"type {type} disagrees with the application number, whose type digit is {digit}", "correct the type or the number.");
        }

        record.SetNumber(PatentType, type);
        return true;
    }

    private bool ReadApplicants(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        var text = row[Applicants];
        applicants.Clear();
        // A JSON array arrives with unit separators; a plain string may list applicants with semicolons.
        ReadOnlySpan<char> separators = text.Contains(JsonLinesSourceReader.ListSeparator) ? "\u001F" : ";；";
        Span<char> code = stackalloc char[32];
        foreach (var range in text.SplitAny(separators))
        {
            var part = text[range];
            switch (CreditCodeReading.Read(part, code, out _))
            {
                case CreditCodeReading.Outcome.Missing:
                    continue;
                case CreditCodeReading.Outcome.Valid:
                    applicants.Add(new string(code[..CreditCode.Length]));
                    continue;
                case CreditCodeReading.Outcome.ValidAfterOForZero:
                {
                    var fixedCode = new string(code[..CreditCode.Length]);
                    applicants.Add(fixedCode);
                    record.AddNote(new NormalisationNote(NoteKinds.CreditCodeOForZero, FieldName(Applicants), part.ToString(), fixedCode));
                    continue;
                }

                case CreditCodeReading.Outcome.WrongCheckCharacter:
                {
                    // Looks like a code but is not one: kept as written (a person or a typo); the match stage decides.
                    var kept = FoldedText(part);
                    applicants.Add(kept);
                    record.AddNote(new NormalisationNote(NoteKinds.ApplicantNotACreditCode, FieldName(Applicants), part.ToString(), kept));
                    continue;
                }

                default:
                    applicants.Add(FoldedText(part)); // a person or a university: kept, not matched
                    continue;
            }
        }

        if (applicants.Count == 0)
        {
            return Missing(ref violation, Applicants);
        }

        record.SetList(Applicants, [.. applicants]);
        return true;
    }

    private string FoldedText(ReadOnlySpan<char> text)
    {
        var buffer = Scratch(text.Length);
        return new string(buffer[..TextFolding.FoldText(text, buffer)]);
    }

    private static bool AllDigitsBeforeCheck(string canonical)
    {
        for (var i = 0; i < canonical.Length - 2; i++)
        {
            if (canonical[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return canonical[^1] is (>= '0' and <= '9') or 'X';
    }
}

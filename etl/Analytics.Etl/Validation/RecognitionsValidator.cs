using Analytics.Etl.Contracts;
using static Analytics.Etl.Contracts.RecognitionsContract;

namespace Analytics.Etl.Validation;

/// <summary>认定名单 rows: who (a unit's credit code, or a person and the employer for 国家创新工程师), what, when.</summary>
internal sealed class RecognitionsValidator(ValidationContext context) : FeedValidator(RecognitionsContract.Contract, context)
{
    public override bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        record.Clear();
        if (!CreditCodeRule.Apply(row[CreditCode], record, CreditCode, true, ref violation)
            || !ReadCodeText(row, record, PersonId, false, false, ref violation)
            || !ReadType(row, record, ref violation))
        {
            return false;
        }

        var engineer = record.GetString(RecognitionType) == RecognitionTypes.InnovationEngineer;
        if (engineer && record.IsNull(PersonId))
        {
            return Fail(ref violation, RuleIds.PersonIdMissing, PersonId, [],
                "a 国家创新工程师 row names no person", "fill in 人员编号; 统一社会信用代码 is then the employer's.");
        }

        if (!engineer && !record.IsNull(PersonId))
        {
            return Fail(ref violation, RuleIds.PersonIdUnexpected, PersonId, row[PersonId],
                $"a {record.GetString(RecognitionType)} recognition is held by a unit, not a person",
                "leave 人员编号 blank, or correct 认定类型 if this is a 国家创新工程师.");
        }

        if (!ReadChoice(row, record, Level, Vocabularies.RecognitionLevel, true, RuleIds.LevelUnknown, ref violation)
            || !ReadDate(row, record, GrantedOn, true, ref violation)
            || !ReadDate(row, record, ExpiresOn, false, ref violation)
            || !ReadDate(row, record, RevokedOn, false, ref violation))
        {
            return false;
        }

        var granted = record.GetDate(GrantedOn);
        foreach (var later in (ReadOnlySpan<int>)[ExpiresOn, RevokedOn])
        {
            if (!record.IsNull(later) && record.GetDate(later) < granted)
            {
                return Fail(ref violation, RuleIds.DateOrder, later, row[later],
                    $"{FieldName(later)} is before the grant date {granted:yyyy-MM-dd}", "check both dates.");
            }
        }

        if (!ReadCodeText(row, record, CertificateNo, false, false, ref violation)
            || !ReadText(row, record, Batch, false, true, ref violation))
        {
            return false;
        }

        // One sheet per batch: the sheet's name is the batch when the column does not say.
        if (record.IsNull(Batch) && row.Row.Sheet is { } sheet)
        {
            record.SetText(Batch, Pool.Get(sheet.Trim()));
        }

        return true;
    }

    private bool ReadType(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        var text = row[RecognitionType];
        if (Normalising.TextFolding.IsBlank(text))
        {
            return Missing(ref violation, RecognitionType);
        }

        if (RecognitionTypes.Find(text) is not { } code)
        {
            return Fail(ref violation, RuleIds.RecognitionTypeUnknown, RecognitionType, text, "not a known recognition type",
                "use a code (TECH_SME, RD_CENTER, …) or its Chinese name (科技型中小微型企业, 技术研发中心, …); see docs/extracts.md.");
        }

        record.SetText(RecognitionType, code);
        return true;
    }
}

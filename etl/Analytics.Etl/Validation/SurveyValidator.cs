using Analytics.Etl.Contracts;
using static Analytics.Etl.Contracts.SurveyContract;

namespace Analytics.Etl.Validation;

/// <summary>信息化调查 rows: a positive sampling weight and the seven answers (blank = not answered).</summary>
internal sealed class SurveyValidator(ValidationContext context) : FeedValidator(SurveyContract.Contract, context)
{
    public override bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        record.Clear();
        if (!CreditCodeRule.Apply(row[CreditCode], record, CreditCode, true, ref violation)
            || !ReadYear(row, record, SurveyYear, ref violation)
            || !ReadDouble(row, record, Weight, true, ref violation))
        {
            return false;
        }

        var weight = record.GetDouble(Weight);
        if (!(weight > 0))
        {
            return Fail(ref violation, RuleIds.WeightNotPositive, Weight, row[Weight],
                "a sampling weight must be above zero", "give the respondent's weight from the sampling design (a 0 weight is not a response).");
        }

        for (var flag = ItInRd; flag <= HasWebsite; flag++)
        {
            if (!ReadFlag(row, record, flag, ref violation))
            {
                return false;
            }
        }

        return true;
    }
}

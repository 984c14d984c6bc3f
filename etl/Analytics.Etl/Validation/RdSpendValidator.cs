using Analytics.Etl.Contracts;
using static Analytics.Etl.Contracts.RdSpendContract;

namespace Analytics.Etl.Validation;

/// <summary>
/// 研发投入 rows. R&amp;D expense larger than main business revenue is quarantined (<c>rd_exceeds_revenue</c>), not
/// flagged: EXTRACTS.md names it as dirt, and one such row would distort Σ R&amp;D / Σ revenue for a whole district.
/// </summary>
internal sealed class RdSpendValidator(ValidationContext context) : FeedValidator(RdSpendContract.Contract, context)
{
    public override bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        record.Clear();
        var ceilings = Context.Ceilings;
        if (!CreditCodeRule.Apply(row[CreditCode], record, CreditCode, true, ref violation)
            || !ReadYear(row, record, Year, ref violation)
            || !ReadAmount(row, record, RdExpense, true, ceilings.RdExpense, ref violation)
            || !ReadAmount(row, record, MainBusinessRevenue, true, ceilings.RdRevenue, ref violation)
            || !ReadAmount(row, record, NewProductRevenue, false, ceilings.RdRevenue, ref violation)
            || !ReadInteger(row, record, RdPersonnel, false, ref violation)
            || !ReadChoice(row, record, Source, Vocabularies.RdSource, false, RuleIds.SourceUnknown, ref violation))
        {
            return false;
        }

        var rd = record.GetDecimal(RdExpense);
        if (!record.IsNull(RdPersonnel) && record.GetInt32(RdPersonnel) is var staff and > 0
            && (double)rd > (double)ceilings.RdExpensePerRdPerson * staff)
        {
            return Fail(ref violation, RuleIds.AmountUnitSuspect, RdExpense, row[RdExpense],
                $"{rd:0.##} 万元 for {staff} R&D staff is above {ceilings.RdExpensePerRdPerson:N0} 万元 per person — probably entered in 元",
                "check the unit: give the figures in 万元, or state 元 in the headers (e.g. 研发费用(元)).");
        }

        var revenue = record.GetDecimal(MainBusinessRevenue);
        if (rd > revenue)
        {
            return Fail(ref violation, RuleIds.RdExceedsRevenue, RdExpense, row[RdExpense],
                $"R&D expense {rd:0.##} 万元 is larger than main business revenue {revenue:0.##} 万元",
                "check that both figures are in 万元 and for the same year; if the firm truly has little revenue, confirm it with the supplier before reloading.");
        }

        return true;
    }
}

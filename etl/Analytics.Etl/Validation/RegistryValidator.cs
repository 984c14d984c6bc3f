using Analytics.Etl.Contracts;
using Analytics.Etl.Reading;
using static Analytics.Etl.Contracts.RegistryContract;

namespace Analytics.Etl.Validation;

/// <summary>企业名录 rows: identity, district and industry at the snapshot date, dates in order, amounts in 万元.</summary>
internal sealed class RegistryValidator(ValidationContext context) : FeedValidator(RegistryContract.Contract, context)
{
    public override void OnSection(ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.SourceIndex[AsOf] < 0 && Context.FallbackAsOf is null)
        {
            throw new ExtractRefusedException(Context.FilePath,
                "the registry snapshot date is unknown: there is no 数据日期 column, the file name carries no date (…_YYYY-MM-DD.csv), and none was configured.");
        }
    }

    public override bool TryRead(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        record.Clear();
        if (!CreditCodeRule.Apply(row[CreditCode], record, CreditCode, true, ref violation)
            || !ReadText(row, record, Name, true, false, ref violation)
            || !ReadAsOf(row, record, ref violation))
        {
            return false;
        }

        var asOf = record.GetDate(AsOf);
        var district = FoldCode(row[DistrictCode]);
        if (district.IsEmpty)
        {
            return Missing(ref violation, DistrictCode);
        }

        if (!DistrictRule.Apply(row[DistrictCode], district, asOf, Context.Districts, Pool, record, DistrictCode, ref violation))
        {
            return false;
        }

        var industry = FoldCode(row[IndustryCode]);
        if (industry.IsEmpty)
        {
            return Missing(ref violation, IndustryCode);
        }

        if (!IndustryCodeRule.Apply(row[IndustryCode], industry, Pool, record, IndustryCode, ref violation)
            || !ReadDate(row, record, FoundedOn, true, ref violation))
        {
            return false;
        }

        var founded = record.GetDate(FoundedOn);
        if (founded > asOf)
        {
            return Fail(ref violation, RuleIds.FoundedAfterAsOf, FoundedOn, row[FoundedOn],
                $"founded {founded:yyyy-MM-dd}, after the snapshot date {asOf:yyyy-MM-dd}", "check the founding date and the snapshot date.");
        }

        if (!ReadChoice(row, record, Status, Vocabularies.RegistrationStatus, true, RuleIds.StatusUnknown, ref violation)
            || !ReadDate(row, record, DeregisteredOn, false, ref violation))
        {
            return false;
        }

        if (record.IsNull(DeregisteredOn))
        {
            if (record.GetString(Status) is "注销" or "吊销")
            {
                return Fail(ref violation, RuleIds.DeregisteredOnMissing, DeregisteredOn, row[Status],
                    $"status {record.GetString(Status)} needs a 注销日期", "fill in the date of deregistration or revocation.");
            }
        }
        else if (record.GetDate(DeregisteredOn) < founded)
        {
            return Fail(ref violation, RuleIds.DateOrder, DeregisteredOn, row[DeregisteredOn],
                $"deregistered before it was founded ({founded:yyyy-MM-dd})", "check both dates.");
        }

        var ceilings = Context.Ceilings;
        if (!ReadInteger(row, record, Employees, true, ref violation)
            || !ReadAmount(row, record, Revenue, true, ceilings.RegistryAmount, ref violation)
            || !ReadAmount(row, record, Assets, false, ceilings.RegistryAmount, ref violation))
        {
            return false;
        }

        var employees = record.GetInt32(Employees);
        var revenue = record.GetDecimal(Revenue);
        // Compared in double: decimal division costs more than the whole row's other checks, and this is a plausibility bound.
        if (employees > 0 && (double)revenue > (double)ceilings.RegistryRevenuePerEmployee * employees)
        {
            return Fail(ref violation, RuleIds.AmountUnitSuspect, Revenue, row[Revenue],
                $"{revenue:0.##} 万元 for {employees} employees is above {ceilings.RegistryRevenuePerEmployee:N0} 万元 per employee — probably entered in 元",
                "check the unit: give the figure in 万元, or state 元 in the header (e.g. 营业收入(元)).");
        }

        return ReadChoice(row, record, SizeClass, Vocabularies.SizeClass, false, RuleIds.SizeClassUnknown, ref violation);
    }

    private bool ReadAsOf(in RowValues row, FeedRecord record, ref Violation? violation)
    {
        if (row.HasColumn(AsOf) && !Normalising.TextFolding.IsBlank(row[AsOf]))
        {
            return ReadDate(row, record, AsOf, true, ref violation);
        }

        if (Context.FallbackAsOf is { } fallback)
        {
            record.SetDate(AsOf, fallback);
            return true;
        }

        return Fail(ref violation, RuleIds.RequiredMissing, AsOf, [], "the snapshot date (数据日期) is blank and the file gives none",
            "fill in 数据日期, or name the file …_YYYY-MM-DD.csv.");
    }
}

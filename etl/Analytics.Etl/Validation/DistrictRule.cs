using Analytics.Etl.Contracts;
using Analytics.Etl.Normalising;

namespace Analytics.Etl.Validation;

/// <summary>
/// <c>district_unknown</c>, <c>district_not_valid_at_date</c>: the district must be a GB/T 2260 code in force on the
/// row's date, or a name that resolves to one (see <see cref="DistrictResolver"/> for why names follow the successor
/// chain and codes do not). Names are noted so the mapping can be audited.
/// </summary>
internal static class DistrictRule
{
    public static bool Apply(
        ReadOnlySpan<char> written, ReadOnlySpan<char> folded, DateOnly date, DistrictResolver resolver, StringPool pool,
        FeedRecord record, int field, ref Violation? violation)
    {
        switch (resolver.Resolve(folded, date, out var district))
        {
            case DistrictResolver.Outcome.Code:
                record.SetText(field, district!.Code);
                return true;

            case DistrictResolver.Outcome.Name:
                record.SetText(field, district!.Code);
                record.AddNote(new NormalisationNote(NoteKinds.DistrictNameMapped, record.Contract.Fields[field].Name, written.ToString(), district.Code));
                return true;

            case DistrictResolver.Outcome.SupersededName:
                record.SetText(field, district!.Code);
                record.AddNote(new NormalisationNote(NoteKinds.DistrictNameSuperseded, record.Contract.Fields[field].Name, written.ToString(), $"{district.Code} {district.NameZh}"));
                return true;

            case DistrictResolver.Outcome.CodeNotValidAtDate:
            {
                var d = district!;
                var inForce = resolver.SuccessorOrPredecessor(d, date);
                var span = $"{d.ValidFrom?.ToString("yyyy-MM", null) ?? "…"} to {d.ValidTo?.ToString("yyyy-MM", null) ?? "now"}";
                violation = new Violation(RuleIds.DistrictNotValidAtDate, field, written.ToString(),
                    $"code {d.Code} ({d.NameZh}) was not in force on {date:yyyy-MM-dd} (valid {span})",
                    inForce is null
                        ? "give the code in force on the snapshot date."
                        : $"on {date:yyyy-MM-dd} the district is {inForce.Code} {inForce.NameZh}; check the row is not copied from an older snapshot and correct the code.");
                return false;
            }

            default:
                violation = new Violation(RuleIds.DistrictUnknown, field, written.ToString(),
                    "not a district code or name of the covered regions",
                    "give the 6-digit GB/T 2260 code of the county-level division (e.g. 500120) or its name (e.g. 璧山区).");
                return false;
        }
    }
}

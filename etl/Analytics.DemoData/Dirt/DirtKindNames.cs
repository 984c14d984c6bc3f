namespace Analytics.DemoData.Dirt;

/// <summary>The snake_case names dirt kinds carry in the manifest.</summary>
public static class DirtKindNames
{
    /// <summary>The manifest name of <paramref name="kind"/>, e.g. wrong_check_digit.</summary>
    public static string ToManifestName(this DirtKind kind) => kind switch
    {
        DirtKind.WrongCheckDigit => "wrong_check_digit",
        DirtKind.LetterOForZero => "letter_o_for_zero",
        DirtKind.FullWidthDigits => "full_width_digits",
        DirtKind.TrailingSpaces => "trailing_spaces",
        DirtKind.DuplicateRecord => "duplicate_record",
        DirtKind.ConflictingDuplicate => "conflicting_duplicate",
        DirtKind.DateSlash => "date_slash",
        DirtKind.DateChinese => "date_chinese",
        DirtKind.DateCompact => "date_compact",
        DirtKind.DateExcelSerial => "date_excel_serial",
        DirtKind.AmountInYuan => "amount_in_yuan",
        DirtKind.DistrictName => "district_name",
        DirtKind.OldDistrictAfterChange => "old_district_after_change",
        DirtKind.BlankLine => "blank_line",
        DirtKind.TotalsRow => "totals_row",
        DirtKind.PersonApplicant => "person_applicant",
        DirtKind.RdExceedsRevenue => "rd_exceeds_revenue",
        DirtKind.ZeroWeight => "zero_weight",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown dirt kind."),
    };
}

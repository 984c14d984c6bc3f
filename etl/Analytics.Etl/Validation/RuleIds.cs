namespace Analytics.Etl.Validation;

/// <summary>
/// The stable ids of every reason a row is quarantined. They are stored with each quarantined row, so never rename
/// one; <see cref="Descriptions"/> says what each means (docs/extracts.md lists them for suppliers).
/// </summary>
public static class RuleIds
{
#pragma warning disable CS1591 // each constant is described in Descriptions below
    // Shape of the row
    public const string RowTooLong = "row_too_long";
    public const string UnclosedQuote = "unclosed_quote";
    public const string JsonMalformed = "json_malformed";
    public const string FieldCountMismatch = "field_count_mismatch";
    public const string TotalsRow = "totals_row";
    public const string RequiredMissing = "required_missing";

    // Duplicates within the file
    public const string DuplicateRow = "duplicate_row";
    public const string DuplicateKeyConflict = "duplicate_key_conflict";

    // Identifiers
    public const string CreditCodeCheckDigit = "credit_code_check_digit";
    public const string CreditCodeFormat = "credit_code_format";
    public const string CreditCodeLegacy = "credit_code_legacy";
    public const string PatentCheckDigit = "patent_check_digit";
    public const string PatentNumberFormat = "patent_number_format";
    public const string PatentTypeUnknown = "patent_type_unknown";
    public const string PatentTypeMismatch = "patent_type_mismatch";

    // Reference data
    public const string DistrictUnknown = "district_unknown";
    public const string DistrictNotValidAtDate = "district_not_valid_at_date";
    public const string IndustryCodeFormat = "industry_code_format";
    public const string IndustryCodeUnknown = "industry_code_unknown";
    public const string IndustrySectionMismatch = "industry_section_mismatch";

    // Dates
    public const string DateUnparseable = "date_unparseable";
    public const string FoundedAfterAsOf = "founded_after_as_of";
    public const string DeregisteredOnMissing = "deregistered_on_missing";
    public const string DateOrder = "date_order";
    public const string GrantDateMissing = "grant_date_missing";

    // Values
    public const string NumberUnparseable = "number_unparseable";
    public const string NegativeValue = "negative_value";
    public const string AmountUnitSuspect = "amount_unit_suspect";
    public const string YearOutOfRange = "year_out_of_range";
    public const string RdExceedsRevenue = "rd_exceeds_revenue";
    public const string WeightNotPositive = "weight_not_positive";
    public const string FlagUnparseable = "flag_unparseable";

    // Closed lists
    public const string StatusUnknown = "status_unknown";
    public const string SizeClassUnknown = "size_class_unknown";
    public const string RecognitionTypeUnknown = "recognition_type_unknown";
    public const string LevelUnknown = "level_unknown";
    public const string LegalStatusUnknown = "legal_status_unknown";
    public const string SourceUnknown = "source_unknown";
    public const string PersonIdMissing = "person_id_missing";
    public const string PersonIdUnexpected = "person_id_unexpected";
#pragma warning restore CS1591

    /// <summary>Every rule id and what it means.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RowTooLong] = "the row is longer than the cap (1 Mi characters by default); skipped without being read",
        [UnclosedQuote] = "a quoted CSV field is not closed before the end of the file",
        [JsonMalformed] = "a JSON Lines line is not one well-formed object with string/number/array values",
        [FieldCountMismatch] = "a CSV row has more non-empty fields than the header has columns (an unquoted delimiter?)",
        [TotalsRow] = "a 合计/总计/小计 row; totals are computed by the warehouse, not loaded",
        [RequiredMissing] = "a required value is blank",
        [DuplicateRow] = "the same record appears earlier in the file; the first copy is loaded",
        [DuplicateKeyConflict] = "two or more rows share the key with different values; none of them is loaded",
        [CreditCodeCheckDigit] = "18 valid symbols but the GB 32100 check character is wrong",
        [CreditCodeFormat] = "not 18 credit-code symbols (wrong length, or I/O/S/V/Z/punctuation)",
        [CreditCodeLegacy] = "a 15-digit 工商注册号 instead of a credit code",
        [PatentCheckDigit] = "the application number's check character is wrong",
        [PatentNumberFormat] = "not a CNIPA application number (12+1 or 8+1 digits)",
        [PatentTypeUnknown] = "patent type is not 1/2/3/8/9 or 发明/实用新型/外观设计",
        [PatentTypeMismatch] = "patent type disagrees with the type digit of the application number",
        [DistrictUnknown] = "not a known district code or name",
        [DistrictNotValidAtDate] = "a district code that was not in force on the row's date (e.g. an old county code after its change)",
        [IndustryCodeFormat] = "not a GB/T 4754-2017 class (a section letter and 4 digits)",
        [IndustryCodeUnknown] = "the class's division (first two digits) does not exist in GB/T 4754-2017",
        [IndustrySectionMismatch] = "the section letter is not the section of the division",
        [DateUnparseable] = "not a date in an accepted form",
        [FoundedAfterAsOf] = "founded after the snapshot date",
        [DeregisteredOnMissing] = "status 注销 or 吊销 without a 注销日期",
        [DateOrder] = "dates in the wrong order (deregistered before founded, expiry/revocation before grant, publication/grant before application)",
        [GrantDateMissing] = "a patent 有效 (in force) without a grant date",
        [NumberUnparseable] = "not a number (or not a whole number where one is required)",
        [NegativeValue] = "a count or amount below zero",
        [AmountUnitSuspect] = "an amount implausibly large for 万元 (probably entered in 元); not converted by guess",
        [YearOutOfRange] = "a year outside 1949–2099",
        [RdExceedsRevenue] = "R&D expense larger than main business revenue",
        [WeightNotPositive] = "a survey weight of zero or below",
        [FlagUnparseable] = "a survey answer that is not 是/否/1/0/Y/N/blank",
        [StatusUnknown] = "registration status not 存续/在业/注销/吊销/迁出",
        [SizeClassUnknown] = "size class not 大型/中型/小型/微型",
        [RecognitionTypeUnknown] = "recognition type not one of the 15 codes or their Chinese names",
        [LevelUnknown] = "recognition level not 国家/省/市/区县",
        [LegalStatusUnknown] = "legal status not 有效/失效/审中/驳回/撤回",
        [SourceUnknown] = "R&D data source not 统计/税务",
        [PersonIdMissing] = "a 国家创新工程师 row without 人员编号",
        [PersonIdUnexpected] = "a 人员编号 on a row whose type is not 国家创新工程师",
    };
}

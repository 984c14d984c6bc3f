namespace Analytics.DemoData.Dirt;

/// <summary>
/// The kinds of dirt real feeds carry (EXTRACTS.md "What dirt real feeds carry"). The generator injects each on about
/// <see cref="DemoOptions.DirtRate"/> of the rows it applies to and records how many in the manifest, so the
/// loader's quarantine and normalisation can be checked against what was put in.
/// </summary>
public enum DirtKind
{
    /// <summary>A credit code or patent application number whose check character is wrong.</summary>
    WrongCheckDigit,

    /// <summary>The letter O typed for a zero in a credit code.</summary>
    LetterOForZero,

    /// <summary>Full-width digits (１２３) in a code.</summary>
    FullWidthDigits,

    /// <summary>Trailing spaces after a code or name.</summary>
    TrailingSpaces,

    /// <summary>The same record twice, identical (counted once per extra copy).</summary>
    DuplicateRecord,

    /// <summary>The same key twice with different values (counted once per extra copy).</summary>
    ConflictingDuplicate,

    /// <summary>A date written 2013/4/23.</summary>
    DateSlash,

    /// <summary>A date written 2013年4月23日.</summary>
    DateChinese,

    /// <summary>A date written 20130423.</summary>
    DateCompact,

    /// <summary>A date written as an Excel serial number (41387).</summary>
    DateExcelSerial,

    /// <summary>An amount in 元 where 万元 is expected (× 10,000).</summary>
    AmountInYuan,

    /// <summary>A district given by name (渝北区) instead of its code.</summary>
    DistrictName,

    /// <summary>An old county code or name (璧山县, 500227) in a snapshot dated after its change.</summary>
    OldDistrictAfterChange,

    /// <summary>An empty line (or an all-empty row) in a file.</summary>
    BlankLine,

    /// <summary>A totals row (合计) at the bottom of a file or sheet.</summary>
    TotalsRow,

    /// <summary>A patent whose applicants include a natural person.</summary>
    PersonApplicant,

    /// <summary>An R&amp;D expense larger than the revenue it is compared with.</summary>
    RdExceedsRevenue,

    /// <summary>A survey weight of 0.</summary>
    ZeroWeight,
}

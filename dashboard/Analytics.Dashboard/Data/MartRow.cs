namespace Analytics.Dashboard.Data;

/// <summary>One row of <c>mart_indicator</c>: an indicator's value for a year and a cell (district × industry group × size class).</summary>
/// <remarks>
/// Small cells (<see cref="SmallCell"/>) reach a reader who may not see them with their numbers withheld
/// (<see cref="Withheld"/>): see <see cref="MartRows.ForReader"/>. <see cref="TargetBasis"/> is <c>plan</c> for a target the
/// plan (or an administrator) set for the cell, <c>apportioned</c> for a city target shared out by the cell's share
/// (<see cref="TargetShare"/>) of the plan's SMEs in the baseline year.
/// </remarks>
public sealed record MartRow(
    string IndicatorId,
    string Plan,
    int Year,
    string DistrictCode,
    string? DistrictNameZh,
    string IndustryGroup,
    string SizeClass,
    double? Value,
    double? Numerator,
    double? Denominator,
    long? SampleSize,
    double? CiLow,
    double? CiHigh,
    int? BaselineYear,
    double? BaselineValue,
    double? Ratio,
    double? TargetValue,
    int? TargetYear,
    string? Comparator,
    double? Attainment,
    double? TrajectoryValue,
    string? Status,
    long? EnterpriseCount,
    bool SmallCell,
    bool Withheld = false,
    string? TargetBasis = null,
    double? TargetShare = null);

/// <summary>Reading and suppressing mart rows.</summary>
internal static class MartRows
{
    /// <summary>The contract's columns, in <see cref="MartRow"/>'s order (<see cref="Analytics.Snapshots.MartContract"/>).</summary>
    public const string Columns = Analytics.Snapshots.MartContract.Columns;

    /// <summary>Reads the current row of a reader that selected <see cref="Columns"/>.</summary>
    public static MartRow Read(System.Data.Common.DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
        r.GetString(3), Db.Text(r, 4), r.GetString(5), r.GetString(6),
        Db.Number(r, 7), Db.Number(r, 8), Db.Number(r, 9), Db.Integer(r, 10), Db.Number(r, 11), Db.Number(r, 12),
        (int?)Db.Integer(r, 13), Db.Number(r, 14), Db.Number(r, 15), Db.Number(r, 16), (int?)Db.Integer(r, 17), Db.Text(r, 18),
        Db.Number(r, 19), Db.Number(r, 20), Db.Text(r, 21), Db.Integer(r, 22), !r.IsDBNull(23) && r.GetBoolean(23),
        Withheld: false, TargetBasis: Db.Text(r, 24), TargetShare: Db.Number(r, 25));

    /// <summary>The ranking order of the SQL: value descending, nulls (and withheld values) last, then the code.</summary>
    public static List<MartRow> Ranked(IEnumerable<MartRow> rows, Func<MartRow, string> code) =>
        rows.OrderBy(r => r.Value is null).ThenByDescending(r => r.Value).ThenBy(code, StringComparer.Ordinal).ToList();

    /// <summary>The row as this request's reader may see it: a small cell whole, or with its numbers withheld.</summary>
    public static MartRow ForReader(MartRow row, Analytics.Dashboard.Accounts.Disclosure disclosure) =>
        !row.SmallCell || disclosure.Reveals(row.DistrictCode) ? row : Suppress(row);

    /// <summary>
    /// A small cell as a reader who may not see it gets it: every number that counts or estimates enterprises is
    /// withheld (null), and so is the on-track path (drawn from the cell's own baseline value, it would give that
    /// away); the cell's keys and its target (a plan's published number) stay.
    /// </summary>
    public static MartRow Suppress(MartRow row) => !row.SmallCell ? row : row with
    {
        Withheld = true,
        Value = null, Numerator = null, Denominator = null, SampleSize = null, CiLow = null, CiHigh = null,
        BaselineValue = null, Ratio = null, Attainment = null, Status = null, EnterpriseCount = null, TrajectoryValue = null,
    };
}

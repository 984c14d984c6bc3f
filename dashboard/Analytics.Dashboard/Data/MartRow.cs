namespace Analytics.Dashboard.Data;

/// <summary>One row of <c>mart_indicator</c>: an indicator's value for a year and a cell (district × industry group × size class).</summary>
/// <remarks>Small cells (<see cref="SmallCell"/>) reach the API and pages with their numbers withheld: see <see cref="MartRows.Suppress"/>.</remarks>
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
    bool SmallCell);

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
        Db.Number(r, 19), Db.Number(r, 20), Db.Text(r, 21), Db.Integer(r, 22), !r.IsDBNull(23) && r.GetBoolean(23));

    /// <summary>
    /// A small cell as it may be shown outside the SQL console: every number that counts or estimates enterprises is
    /// withheld (null); the cell's keys, its target and on-track path stay.
    /// </summary>
    public static MartRow Suppress(MartRow row) => !row.SmallCell ? row : row with
    {
        Value = null, Numerator = null, Denominator = null, SampleSize = null, CiLow = null, CiHigh = null,
        BaselineValue = null, Ratio = null, Attainment = null, Status = null, EnterpriseCount = null,
    };
}

namespace Analytics.Snapshots;

/// <summary>
/// What every reader may rely on in a snapshot's indicator mart: its table, the columns the dashboard and the notebooks
/// read, and the order the builder stores it in. The builder checks its output against this contract before it
/// publishes (a snapshot without these columns is refused), and the readers select these columns by name.
/// </summary>
public static class MartContract
{
    /// <summary>The indicator mart: one row per indicator × year × district × industry group × size class.</summary>
    public const string Table = "mart_indicator";

    /// <summary>
    /// The columns readers select, in this order (the dashboard's <c>MartRow</c> reads them by position): a new column
    /// goes at the end, so a reader that reads fewer keeps reading the right ones.
    /// </summary>
    public const string Columns =
        "indicator_id, plan, year, district_code, district_name_zh, industry_group, size_class, value, numerator, denominator, " +
        "sample_size, ci_low, ci_high, baseline_year, baseline_value, ratio, target_value, target_year, comparator, attainment, " +
        "trajectory_value, status, enterprise_count, small_cell, target_basis, target_share";

    /// <summary>
    /// The order the mart is stored in, in small row groups: the commonest filter is one district and one indicator,
    /// so its series reads one row group (DuckDB skips the others by their min/max statistics).
    /// </summary>
    public const string SeriesOrder = "district_code, indicator_id, industry_group, size_class, year";

    /// <summary>The column names of <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Split(", ");
}

using System.Globalization;
using Analytics.DuckDb;
using Analytics.TestSupport;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>
/// What the product snapshot (<see cref="ProductSnapshot"/>) holds, read from it directly and read-only: the values
/// the dashboard must answer with, and the cells a test needs (a small cell in the district official's district, a
/// plan's districts), found by query rather than known by heart. <c>ProductCellsTests</c> checks that each one exists.
/// </summary>
public static class ProductCells
{
    /// <summary>The micro-enterprise size class: the product's small cells are among its survey and money cells.</summary>
    public const string Micro = "微型";

    private static readonly Lazy<SmallCell> OfficialCell = new(() => FindSmallCell("CQ2013", FixtureAccounts.OfficialDistrict));

    private static readonly Lazy<SmallCell> OtherCell = new(() => FindSmallCell("YY2020", null));

    /// <summary>
    /// A CQ2013 indicator whose micro-enterprise cells (all industries) in the district official's district
    /// (<see cref="FixtureAccounts.OfficialDistrict"/>) are small cells in every year, each with a value in the mart.
    /// </summary>
    public static SmallCell Official => OfficialCell.Value;

    /// <summary>A YY2020 indicator and district whose micro-enterprise cells are small cells in every year: not the official's.</summary>
    public static SmallCell Elsewhere => OtherCell.Value;

    /// <summary>The rows of <paramref name="sql"/> on the product snapshot.</summary>
    public static List<object?[]> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new DuckDbConnection($"Data Source={ProductSnapshot.SnapshotPath};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>How many <c>mart_indicator</c> rows match <paramref name="where"/>.</summary>
    public static int Count(string where) =>
        Convert.ToInt32(Query("SELECT count(*) FROM mart_indicator WHERE " + where)[0][0], CultureInfo.InvariantCulture);

    /// <summary>How many rows <paramref name="sql"/> returns.</summary>
    public static int CountOf(string sql) => Query(sql).Count;

    /// <summary>The first column of <paramref name="sql"/>'s rows, as text.</summary>
    public static List<string> Texts(string sql, params (string Name, object Value)[] parameters) =>
        Query(sql, parameters).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToList();

    /// <summary>A plan's districts in the dashboard's order: code and English name.</summary>
    public static List<(string Code, string NameEn)> Districts(string plan) =>
        Query("SELECT district_code, name_en FROM mart_plan_district WHERE plan = $p ORDER BY sort_order", ("p", plan))
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    /// <summary>A plan's industry groups that have rows in <c>mart_indicator</c> (not UNKNOWN, here), in the dashboard's order.</summary>
    public static List<string> IndustryGroups(string plan) =>
        Texts(
            """
            SELECT g.industry_group FROM mart_plan_industry_group g
            WHERE g.plan = $p AND EXISTS (SELECT 1 FROM mart_indicator m WHERE m.plan = g.plan AND m.industry_group = g.industry_group)
            ORDER BY g.sort_order
            """,
            ("p", plan));

    /// <summary>A plan's indicators (children after their parent) in the catalog's order.</summary>
    public static List<string> Indicators(string plan) =>
        Texts("SELECT indicator_id FROM indicator_catalog WHERE plan = $p ORDER BY sort_order", ("p", plan));

    /// <summary>
    /// A series of <paramref name="indicator"/> in a district with values that differ: the one with values in the most
    /// years (a survey at the demo's scale answers in few cells, and most of them are small cells somewhere), then
    /// preferably one industry group and one size class, so the API's filters are all in play. It may hold small cells:
    /// read it as an analyst, who sees them.
    /// </summary>
    /// <param name="indicator">The indicator id.</param>
    /// <param name="allSizes">Only a series of all size classes (<c>ALL</c>).</param>
    public static (string District, string Industry, string Size) ValuedSeries(string indicator, bool allSizes = false)
    {
        var rows = Query(
            """
            SELECT district_code, industry_group, size_class FROM mart_indicator
            WHERE indicator_id = $i AND district_code <> 'ALL' AND (NOT $a OR size_class = 'ALL')
            GROUP BY district_code, industry_group, size_class
            HAVING count(DISTINCT value) > 1
            ORDER BY count(value) DESC, count(DISTINCT value) DESC, industry_group = 'ALL', size_class = 'ALL', district_code, industry_group, size_class LIMIT 1
            """,
            ("i", indicator), ("a", allSizes));
        return rows.Count == 0
            ? throw new InvalidOperationException($"The product snapshot has no district series of {indicator} with values that differ.")
            : ((string)rows[0][0]!, (string)rows[0][1]!, (string)rows[0][2]!);
    }

    private static SmallCell FindSmallCell(string plan, string? district)
    {
        var rows = Query(
            """
            SELECT indicator_id, district_code FROM mart_indicator
            WHERE plan = $p AND district_code <> 'ALL' AND ($d = '' OR district_code = $d) AND industry_group = 'ALL' AND size_class = $s
            GROUP BY ALL HAVING bool_and(small_cell) AND count(value) = count(*)
            ORDER BY indicator_id, district_code LIMIT 1
            """,
            ("p", plan), ("d", district ?? ""), ("s", Micro));
        return rows.Count == 0
            ? throw new InvalidOperationException($"The product snapshot has no {plan} indicator whose micro cells in {district ?? "a district"} are small cells in every year.")
            : new SmallCell(plan, (string)rows[0][0]!, (string)rows[0][1]!);
    }
}

/// <summary>An indicator's micro-enterprise cells (all industries) in a district: small cells in every year, with values in the mart.</summary>
/// <param name="Plan">The indicator's plan.</param>
/// <param name="Indicator">The indicator id.</param>
/// <param name="District">The district code.</param>
public sealed record SmallCell(string Plan, string Indicator, string District);

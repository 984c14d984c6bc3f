using Analytics.Dashboard.Tests.Support;

namespace Analytics.Dashboard.BrowserTests.Support;

/// <summary>
/// What the overview of a plan must list, read from the product snapshot (<see cref="ProductCells.Query"/>) as the
/// dashboard's catalog reads it: its top-level indicators (the tiles) and, of those, the ones with a city target (the
/// columns of the status grid), each in the catalog's order.
/// </summary>
public static class ProductPages
{
    /// <summary>The plan's top-level indicators that have rows in the mart: one tile each.</summary>
    public static List<string> Tiles(string plan) => TopLevel(plan, "TRUE");

    /// <summary>The plan's top-level indicators with a city target: the status grid's columns.</summary>
    public static List<string> GridColumns(string plan) =>
        TopLevel(plan, "m.district_code = 'ALL' AND m.industry_group = 'ALL' AND m.size_class = 'ALL' AND m.target_value IS NOT NULL");

    /// <summary>The status grid's rows by district: the city (<c>ALL</c>), then the plan's districts in the mart, by code.</summary>
    public static List<string> GridDistrictRows(string plan) =>
        ["ALL", .. ProductCells.Texts("SELECT DISTINCT district_code FROM mart_indicator WHERE plan = $p AND district_code <> 'ALL' ORDER BY 1", ("p", plan))];

    /// <summary>The status grid's rows by industry group: the city (<c>ALL</c>), then the plan's groups in the mart, in the catalog's order.</summary>
    public static List<string> GridIndustryRows(string plan) =>
    [
        "ALL",
        .. ProductCells.Texts(
            """
            SELECT m.industry_group FROM (SELECT DISTINCT industry_group FROM mart_indicator WHERE plan = $p AND industry_group <> 'ALL') m
            LEFT JOIN dim_industry_group g ON g.plan = $p AND g.group_code = m.industry_group
            ORDER BY coalesce(g.sort_order, 1000), m.industry_group
            """,
            ("p", plan)),
    ];

    /// <summary>An indicator's <paramref name="column"/> in the product's <c>indicator_catalog</c> (its names, definition, caveat).</summary>
    public static string Catalog(string indicator, string column) =>
        ProductCells.Texts($"SELECT \"{column}\" FROM indicator_catalog WHERE indicator_id = $i", ("i", indicator)).Single();

    /// <summary>A district's Chinese name, as the mart writes it.</summary>
    public static string DistrictNameZh(string code) =>
        ProductCells.Texts("SELECT any_value(district_name_zh) FROM mart_indicator WHERE district_code = $c", ("c", code)).Single();

    /// <summary>An industry group's Chinese name in a plan.</summary>
    public static string IndustryNameZh(string plan, string group) =>
        ProductCells.Texts("SELECT group_zh FROM dim_industry_group WHERE plan = $p AND group_code = $g", ("p", plan), ("g", group)).Single();

    /// <summary>The plan's top-level indicators, in the catalog's order, with a mart row where <paramref name="martCondition"/> holds.</summary>
    private static List<string> TopLevel(string plan, string martCondition) => ProductCells.Texts(
        $"""
        SELECT c.indicator_id FROM indicator_catalog c
        WHERE c.plan = $p AND coalesce(c.parent_id, '') = ''
          AND EXISTS (SELECT 1 FROM mart_indicator m WHERE m.indicator_id = c.indicator_id AND {martCondition})
        ORDER BY c.sort_order, c.indicator_id
        """,
        ("p", plan));
}

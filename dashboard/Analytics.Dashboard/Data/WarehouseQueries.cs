namespace Analytics.Dashboard.Data;

/// <summary>The dashboard's SQL over the marts: parameterised, never built from user text.</summary>
internal static class WarehouseQueries
{
    public const string Series =
        "SELECT " + MartRows.Columns + " FROM mart_indicator WHERE indicator_id = $id AND district_code = $district " +
        "AND industry_group = $industry AND size_class = $size ORDER BY year";

    public const string ByDistrict =
        "SELECT " + MartRows.Columns + " FROM mart_indicator WHERE indicator_id = $id AND year = $year AND district_code <> 'ALL' " +
        "AND industry_group = $industry AND size_class = $size ORDER BY value DESC NULLS LAST, district_code";

    public const string ByIndustry =
        "SELECT " + MartRows.Columns + " FROM mart_indicator WHERE indicator_id = $id AND year = $year AND district_code = $district " +
        "AND industry_group <> 'ALL' AND size_class = $size ORDER BY value DESC NULLS LAST, industry_group";

    /// <summary>Every indicator of a plan for one cell, all years (overview tiles, district and industry pages).</summary>
    public const string PlanCell =
        "SELECT " + MartRows.Columns + " FROM mart_indicator WHERE plan = $plan AND district_code = $district " +
        "AND industry_group = $industry AND size_class = 'ALL' ORDER BY indicator_id, year";
}

using Analytics.DuckDb;
using Analytics.Etl.Validation;
using Analytics.TestSupport;

namespace Analytics.Dashboard.Tests.Support;

/// <summary>
/// A small hand-written warehouse snapshot: the catalog and dimension tables and the marts the dashboard reads, for two
/// plans, a few districts, two industry groups and three size classes, with values from simple formulas and one small
/// cell per plan.
/// </summary>
/// <remarks>
/// Hand-written only because tests need data the product never makes: exact values a test derives by hand, a partial
/// snapshot (just these tables), small cells in known places, a file to swap in or break. Tests that need "a snapshot"
/// use <see cref="ProductSnapshot"/>. Every table here is created from the product snapshot's own shape
/// (<see cref="RealShape"/>) and filled by column name, so a column the product does not write fails the fixture
/// instead of drifting from it.
/// </remarks>
public static class FixtureSnapshot
{
    /// <summary>A small-cell district of each plan: 渝中区 and 汨罗市 are flagged for 微型 enterprises.</summary>
    public const string SmallCellSize = "微型";

    /// <summary>The tables written, created empty with the product's columns and types (<see cref="RealShape"/>).</summary>
    public static readonly string[] Tables =
    [
        "dim_plan", "indicator_catalog", "dim_district", "dim_industry_group", "dim_size_class", "mart_indicator", "build_lineage",
        "mart_freshness", "mart_quarantine_summary",
    ];

    /// <summary>
    /// Fills <see cref="Tables"/> by column name. The <c>fx_</c> tables are temporary: the fixture's own helper columns
    /// (a target per indicator, a plan and a weight per district) that the product's tables do not have.
    /// </summary>
    public static readonly string[] Statements =
    [
        """
        INSERT INTO dim_plan BY NAME SELECT * FROM (VALUES
          ('CQ2013', '500000', '重庆市', '重庆市扶助中小微型企业科技创新和信息化建设实施方案', 'Chongqing SME innovation plan', '渝府办发〔2013〕99号', 2013, 2012, 2015, 2012, 2016),
          ('YY2020', '430600', '岳阳市', '岳阳市中小企业技术创新"破零倍增"三年行动方案(2020-2022)', 'Yueyang zero-breakthrough and doubling plan', '岳阳市工业和信息化局 2020-09-18', 2020, 2019, 2022, 2018, 2023)
        ) t(plan, city_code, city_zh, name_zh, name_en, document_no, start_year, baseline_year, target_year, first_report_year, last_report_year)
        """,
        """
        CREATE TEMP TABLE fx_indicator AS SELECT * FROM (VALUES
          ('CQ-TECH-SME', 'CQ2013', NULL, 10, '科技型中小微型企业', 'Technology-based SMEs cultivated', '培育1万家科技型中小微型企业', '2013年以来被认定为科技型中小微型企业的中小微型企业（去重）', 'Distinct SMEs recognised since 2013', 'cumulative_count', '家 (enterprises)', 'recognitions', NULL, NULL, 10000.0, 2015),
          ('CQ-IT-ADOPT', 'CQ2013', NULL, 30, '应用信息技术开展研发、管理和生产控制的比例', 'Share of SMEs using IT', '比例超过45%', '加权比例', 'Weighted share', 'adoption', '比例 (0-1)', 'survey', '95%置信区间为正态近似', '95% CI: normal approximation', 0.45, 2015),
          ('CQ-IT-ADOPT-RD', 'CQ2013', 'CQ-IT-ADOPT', 31, '应用信息技术开展研发的比例', 'Share using IT in R&D', '（分项）', '分项', 'Component', 'adoption', '比例 (0-1)', 'survey', '分项，无单独目标', 'Component; no target of its own', NULL, NULL),
          ('CQ-IP-PILOT', 'CQ2013', NULL, 60, '知识产权试点单位', 'IP pilot units', '试点单位突破700家', '年末持有试点资格的中小企业', 'SMEs holding IP-pilot status at year end', 'count', '家 (enterprises)', 'recognitions', NULL, NULL, 700.0, 2015),
          ('YY-POLING', 'YY2020', NULL, 10, '发明专利"破零"企业数', 'SMEs with their first invention patent', '每年实现50家以上中小企业发明专利零的突破', '首件发明专利授权在当年的中小企业', 'SMEs whose first invention patent was granted that year', 'zero_breakthrough', '家 (enterprises)', 'patents; registry', NULL, NULL, 50.0, 2022),
          ('YY-NEWPROD', 'YY2020', NULL, 40, '新产品综合效益倍增', 'New-product benefit doubled', '新产品综合效益…倍增', '中小企业新产品销售收入合计（代理指标）', 'Sum of SME new-product sales revenue (a proxy)', 'doubling_ratio', '万元 (CNY 10,000)', 'rd_spend; registry', '规划未定义“综合效益”，此处以新产品销售收入代理', 'The plan does not define 综合效益; new-product sales revenue is a proxy', 2.0, 2022),
          ('YY-HNTE', 'YY2020', NULL, 110, '高新技术企业', 'High-tech enterprises', '成长为高新技术企业', '年末持有高新技术企业资格的中小企业', 'SMEs holding high-tech status at year end', 'count', '家 (enterprises)', 'recognitions', NULL, NULL, NULL, NULL)
        ) t(indicator_id, plan, parent_id, sort_order, name_zh, name_en, plan_sentence, definition_zh, definition_en, kind, unit, source_feed, caveat_zh, caveat_en, target, target_year)
        """,
        "INSERT INTO indicator_catalog BY NAME SELECT * EXCLUDE (target, target_year) FROM fx_indicator",
        """
        CREATE TEMP TABLE fx_district AS SELECT * FROM (VALUES
          ('CQ2013', '500101', '万州区', 'Wanzhou', 1), ('CQ2013', '500103', '渝中区', 'Yuzhong', 2), ('CQ2013', '500120', '璧山区', 'Bishan', 3),
          ('YY2020', '430602', '岳阳楼区', 'Yueyanglou', 1), ('YY2020', '430681', '汨罗市', 'Miluo', 2)
        ) t(plan, district_code, name_zh, name_en, w)
        """,
        """
        INSERT INTO dim_district BY NAME
        SELECT d.district_code, d.name_zh, d.name_en, p.city_code, p.city_zh, d.district_code AS reporting_code, d.name_zh AS reporting_name_zh,
               d.name_en AS reporting_name_en, true AS is_current
        FROM fx_district d JOIN dim_plan p USING (plan)
        """,
        """
        INSERT INTO dim_industry_group BY NAME SELECT * FROM (VALUES
          ('CQ2013', 'EQUIP', '装备制造', 'Equipment manufacturing', 1), ('CQ2013', 'ELEC', '电子信息', 'Electronics and IT', 2),
          ('YY2020', 'PETRO', '石油化工', 'Petrochemicals', 1), ('YY2020', 'FOOD', '食品加工', 'Food processing', 2)
        ) t(plan, group_code, group_zh, group_en, sort_order)
        """,
        """
        INSERT INTO dim_size_class BY NAME SELECT * FROM (VALUES ('中型', 'Medium', true, 1), ('小型', 'Small', true, 2), ('微型', 'Micro', true, 3)) t(size_class, name_en, is_sme, sort_order)
        """,
        """
        INSERT INTO mart_indicator BY NAME
        WITH d AS (
          SELECT plan, district_code, name_zh, w FROM fx_district
          UNION ALL SELECT plan, 'ALL', NULL, 0 FROM dim_plan),
        g AS (SELECT plan, group_code, group_zh, sort_order AS w FROM dim_industry_group UNION ALL SELECT plan, 'ALL', NULL, 0 FROM dim_plan),
        s AS (SELECT size_class, sort_order AS w FROM dim_size_class UNION ALL SELECT 'ALL', 0),
        cell AS (
          SELECT c.indicator_id, c.plan, CAST(y.year AS INTEGER) AS year, d.district_code, d.name_zh AS district_name_zh, g.group_code AS industry_group,
                 g.group_zh AS industry_group_zh, s.size_class, c.kind, c.target, c.target_year, p.baseline_year, p.start_year,
                 y.year - p.first_report_year AS t, d.w AS dw, g.w AS gw, s.w AS sw
          FROM fx_indicator c JOIN dim_plan p USING (plan)
          CROSS JOIN range(p.first_report_year, p.last_report_year + 1) y(year)
          JOIN d ON d.plan = c.plan JOIN g ON g.plan = c.plan CROSS JOIN s),
        v AS (
          SELECT *,
            CASE WHEN kind = 'adoption' THEN round(0.25 + 0.05 * t + 0.01 * dw - 0.01 * gw + 0.005 * sw, 4)
                 WHEN dw + gw + sw = 0 THEN (t + 1) * 1000.0
                 ELSE (t + 1) * (10.0 * dw + 3 * gw + sw + 1) END AS value,
            CASE WHEN kind = 'adoption' THEN 200 + 10 * t ELSE NULL END AS n
          FROM cell),
        b AS (SELECT v.*, (SELECT bb.value FROM v bb WHERE bb.indicator_id = v.indicator_id AND bb.district_code = v.district_code
                 AND bb.industry_group = v.industry_group AND bb.size_class = v.size_class AND bb.year = v.baseline_year) AS baseline_value FROM v),
        r AS (SELECT b.*,
            CASE WHEN kind = 'doubling_ratio' THEN round(value / baseline_value, 4) END AS ratio,
            CASE WHEN target IS NULL THEN NULL
                 WHEN kind = 'doubling_ratio' THEN round(pow(2.0, (year - baseline_year) / (target_year - baseline_year)), 4)
                 WHEN kind = 'zero_breakthrough' THEN target
                 ELSE round(baseline_value + (target - baseline_value) * (year - baseline_year) / (target_year - baseline_year), 4) END AS trajectory_value
          FROM b)
        SELECT indicator_id, plan, kind, year, district_code, district_name_zh, industry_group, industry_group_zh, size_class,
               value,
               CASE WHEN kind = 'adoption' THEN round(value * n, 2) END AS numerator,
               n AS denominator,
               n AS sample_size,
               CASE WHEN kind = 'adoption' THEN round(greatest(0, value - 0.04), 4) END AS ci_low,
               CASE WHEN kind = 'adoption' THEN round(least(1, value + 0.04), 4) END AS ci_high,
               baseline_year, baseline_value, ratio,
               target AS target_value, target_year, CASE WHEN target IS NOT NULL THEN '>=' END AS comparator,
               CASE WHEN target IS NOT NULL THEN 1 END AS target_version,
               CASE WHEN target IS NOT NULL THEN 'plan' END AS target_basis,
               CASE WHEN target IS NOT NULL THEN round(coalesce(ratio, value) / target, 4) END AS attainment,
               trajectory_value,
               CASE WHEN target IS NULL OR year < start_year THEN NULL
                    WHEN coalesce(ratio, value) >= trajectory_value THEN 'on_track'
                    WHEN coalesce(ratio, value) >= 0.9 * trajectory_value THEN 'at_risk'
                    ELSE 'off_track' END AS status,
               round(CASE WHEN kind = 'adoption' THEN n ELSE value END) AS enterprise_count,
               (size_class = '微型' AND district_code IN ('500103', '430681')) AS small_cell
        FROM r
        ORDER BY indicator_id, district_code, industry_group, size_class, year
        """,
        """
        INSERT INTO build_lineage BY NAME SELECT * FROM (VALUES
          ('20240101T000000-abcd1234', TIMESTAMPTZ '2024-01-01 00:00:00+00', TIMESTAMPTZ '2024-01-01 00:01:00+00', 5, 12345, 17, TIMESTAMPTZ '2024-01-02 08:30:00+00')
        ) t(batch_id, started_at, finished_at, files, rows, rows_quarantined, built_at)
        """,
        """
        INSERT INTO mart_freshness BY NAME SELECT * FROM (VALUES
          ('patents', DATE '2023-11-30', 2023, 800, TIMESTAMPTZ '2024-01-01 00:01:00+00'),
          ('registry', DATE '2023-12-31', 2023, 5000, TIMESTAMPTZ '2024-01-01 00:01:00+00')
        ) t(feed, latest_as_of, latest_year, row_count, last_load_at)
        """,
        $"""
        INSERT INTO mart_quarantine_summary BY NAME SELECT * FROM (VALUES
          ('patents', '{RuleIds.DateOrder}', 5, 'patents_yy.jsonl row 3, column grant_date: the grant date is before the application date — value ''2013-01-02''. [rule {RuleIds.DateOrder}]', 1),
          ('registry', '{RuleIds.CreditCodeCheckDigit}', 12, 'registry_cq_2015-12-31.csv row 17, column ''统一社会信用代码'' (credit_code): the check character is wrong — value ''91500000MA5U000000''. [rule {RuleIds.CreditCodeCheckDigit}]', 1)
        ) t(feed, rule, row_count, example_message, batches)
        """,
    ];

    /// <summary>Writes the snapshot to <paramref name="path"/> (replacing it).</summary>
    public static string Create(string path)
    {
        File.Delete(path);
        using (var connection = new DuckDbConnection($"Data Source={path}"))
        {
            connection.Open();
            RealShape.CreateEmpty(connection, Tables);
            foreach (var sql in Statements)
            {
                using var command = connection.CreateCommand(sql);
                command.ExecuteNonQuery();
            }
        }

        return path;
    }

    /// <summary>A new temporary folder.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

-- Roll-up of the contributions: every year × district × industry group × size class and every combination with
-- 'ALL', in one pass (GROUPING SETS). Sums are kept so each kind's value, numerator, denominator and confidence
-- interval can be computed from them (count distinct cannot be added up across cells, so it is computed here).
CREATE TEMP TABLE indicator_cell AS
SELECT indicator_id, year,
       CASE WHEN GROUPING(district_code) = 1 THEN 'ALL' ELSE district_code END AS district_code,
       CASE WHEN GROUPING(industry_group) = 1 THEN 'ALL' ELSE industry_group END AS industry_group,
       CASE WHEN GROUPING(size_class) = 1 THEN 'ALL' ELSE size_class END AS size_class,
       count(DISTINCT unit_id) AS unit_count,
       count(DISTINCT enterprise_id) AS enterprise_count,
       count(*) AS row_count,
       CAST(sum(num) AS DOUBLE) AS num_sum,   -- summed as DECIMAL (exact), then one rounding to DOUBLE
       CAST(sum(den) AS DOUBLE) AS den_sum,
       CAST(max(num) AS DOUBLE) AS num_max,
       CAST(max(den) AS DOUBLE) AS den_max,
       sum(weight) AS w_sum,
       sum(weight * flag) AS wy_sum,
       sum(weight * weight) AS w2_sum,
       sum(weight * weight * flag) AS w2y_sum
FROM indicator_contribution
GROUP BY GROUPING SETS (
    (indicator_id, year, district_code, industry_group, size_class),
    (indicator_id, year, district_code, industry_group),
    (indicator_id, year, district_code, size_class),
    (indicator_id, year, industry_group, size_class),
    (indicator_id, year, district_code),
    (indicator_id, year, industry_group),
    (indicator_id, year, size_class),
    (indicator_id, year)
);

-- The grid every indicator is reported on: each year of its plan × the plan's current districts (and any other
-- place its contributions name) × the plan's industry groups × the SME size classes, each with 'ALL'. Cells with
-- nothing behind them are still reported (a count of 0), so every series is complete.
CREATE TEMP TABLE indicator_grid AS
WITH ind AS (
    SELECT i.indicator_id, i.plan, p.city_code FROM indicator_catalog i JOIN dim_plan p ON p.plan = i.plan
),
districts AS (
    SELECT i.indicator_id, d.district_code FROM ind i JOIN dim_district d ON d.city_code = i.city_code AND d.is_current
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, district_code FROM indicator_cell
),
groups AS (
    SELECT i.indicator_id, g.group_code AS industry_group
    FROM ind i JOIN dim_industry_group g ON g.plan = i.plan AND g.group_code <> 'UNKNOWN'
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, industry_group FROM indicator_cell
),
sizes AS (
    SELECT i.indicator_id, z.size_class FROM ind i JOIN dim_size_class z ON z.is_sme
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, size_class FROM indicator_cell
)
SELECT i.indicator_id, i.plan, py.year, d.district_code, g.industry_group, s.size_class
FROM ind i
JOIN plan_year py ON py.plan = i.plan
JOIN districts d ON d.indicator_id = i.indicator_id
JOIN groups g ON g.indicator_id = i.indicator_id
JOIN sizes s ON s.indicator_id = i.indicator_id;

-- The years each indicator's data covers: from the first to the latest year its counted feed (indicator_catalog.source_feed,
-- the first named; the registry only places what is counted) has rows for the plan's city, a row's year as
-- mart_freshness dates it (recognitions: grant; patents: filing or grant, the later; R&D: its year; survey: its year)
-- and its city by positions 3–8 of the credit code (for patents, any applicant's). A year after data_to_year has no
-- value (NULL), not 0: nothing was delivered for it, so a count of 0 would be a claim the data cannot make.
CREATE TABLE mart_indicator_coverage AS
WITH feed_year AS (
    SELECT 'recognitions' AS feed, credit_code, CAST(year(granted_on) AS INTEGER) AS year FROM fact_recognition
    UNION ALL
    SELECT 'patents', a.credit_code, CAST(year(greatest(p.application_date, coalesce(p.grant_date, p.application_date))) AS INTEGER)
    FROM fact_patent p JOIN bridge_patent_applicant a ON a.application_no = p.application_no WHERE a.credit_code IS NOT NULL
    UNION ALL
    SELECT 'rd_spend', credit_code, year FROM fact_rd_spend
    UNION ALL
    SELECT 'survey', credit_code, survey_year FROM fact_survey_response
),
feed_city AS (
    SELECT f.feed, d.city_code, min(f.year) AS data_from_year, max(f.year) AS data_to_year
    FROM feed_year f JOIN dim_district d ON d.district_code = substr(f.credit_code, 3, 6)
    GROUP BY ALL
)
SELECT i.indicator_id, i.plan, trim(split_part(i.source_feed, ';', 1)) AS source_feed, f.data_from_year, f.data_to_year
FROM indicator_catalog i
JOIN dim_plan p ON p.plan = i.plan
LEFT JOIN feed_city f ON f.feed = trim(split_part(i.source_feed, ';', 1)) AND f.city_code = p.city_code
ORDER BY i.plan, i.indicator_id;

-- Each cell's value by the indicator's aggregate:
--   count_distinct  value = distinct units;                     numerator = value
--   sum             value = Σ num;                              numerator = value
--   ratio_of_sums   value = Σ num / Σ den;                      numerator, denominator = the sums
--   weighted_mean   value = Σ w·y / Σ w (y ∈ {0,1});           numerator = Σ w·y, denominator = Σ w
-- For weighted means, the 95% CI uses the Taylor-linearised variance of the ratio estimator (with-replacement,
-- single-stage design): v = n/(n−1) · Σ w²(y−p)² / (Σw)², where Σ w²(y−p)² = Σw²y·(1−2p) + p²·Σw² since y² = y;
-- CI = p ± 1.96·√v clipped to [0, 1]; no CI when n < 2.
CREATE TEMP TABLE indicator_value AS
WITH joined AS (
    SELECT g.*, i.kind, i.aggregate, coalesce(g.year <= v.data_to_year, false) AS has_data, c.unit_count, c.enterprise_count, c.row_count,
           c.num_sum, c.den_sum, c.num_max, c.den_max, c.w_sum, c.wy_sum, c.w2_sum, c.w2y_sum
    FROM indicator_grid g
    JOIN indicator_catalog i ON i.indicator_id = g.indicator_id
    JOIN mart_indicator_coverage v ON v.indicator_id = g.indicator_id
    LEFT JOIN indicator_cell c
      ON c.indicator_id = g.indicator_id AND c.year = g.year AND c.district_code = g.district_code
     AND c.industry_group = g.industry_group AND c.size_class = g.size_class
),
valued AS (
    -- Outside the years the data covers (mart_indicator_coverage) every number is NULL, never 0.
    SELECT *,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'count_distinct' THEN CAST(coalesce(unit_count, 0) AS DOUBLE)
            WHEN aggregate = 'sum' THEN coalesce(num_sum, 0)
            WHEN aggregate = 'ratio_of_sums' THEN num_sum / nullif(den_sum, 0)
            WHEN aggregate = 'weighted_mean' THEN wy_sum / nullif(w_sum, 0)
        END AS value,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'count_distinct' THEN CAST(coalesce(unit_count, 0) AS DOUBLE)
            WHEN aggregate = 'sum' THEN coalesce(num_sum, 0)
            WHEN aggregate = 'ratio_of_sums' THEN num_sum
            WHEN aggregate = 'weighted_mean' THEN wy_sum
        END AS numerator,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'ratio_of_sums' THEN den_sum
            WHEN aggregate = 'weighted_mean' THEN w_sum
        END AS denominator,
        CASE WHEN aggregate = 'weighted_mean' AND has_data THEN CAST(coalesce(row_count, 0) AS INTEGER) END AS sample_size
    FROM joined
),
variance AS (
    SELECT *,
        CASE WHEN aggregate = 'weighted_mean' AND row_count >= 2 AND w_sum > 0
             THEN greatest(0.0, (row_count / (row_count - 1.0))
                  * (w2y_sum * (1 - 2 * value) + value * value * w2_sum) / (w_sum * w_sum))
        END AS estimate_variance
    FROM valued
)
SELECT indicator_id, plan, year, district_code, industry_group, size_class, kind, aggregate,
       value, numerator, denominator, sample_size,
       CASE WHEN estimate_variance IS NOT NULL THEN greatest(0.0, value - 1.959963984540054 * sqrt(estimate_variance)) END AS ci_low,
       CASE WHEN estimate_variance IS NOT NULL THEN least(1.0, value + 1.959963984540054 * sqrt(estimate_variance)) END AS ci_high,
       CAST(coalesce(enterprise_count, 0) AS INTEGER) AS enterprise_count,
       -- The largest single contribution's share of a sum (the dominance rule of disclosure control, 60_mart_indicator).
       CASE WHEN aggregate IN ('sum', 'ratio_of_sums') AND num_sum > 0 THEN num_max / num_sum END AS num_top_share,
       CASE WHEN aggregate = 'ratio_of_sums' AND den_sum > 0 THEN den_max / den_sum END AS den_top_share
FROM variance;

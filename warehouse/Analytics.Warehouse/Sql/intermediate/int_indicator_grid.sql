/*
materialized: temp table
description: The grid every indicator is reported on: each year of its plan × the plan's current districts (and any other
  place its contributions name) × the plan's industry groups × the SME size classes, each with 'ALL'. Cells with
  nothing behind them are still reported (a count of 0), so every series is complete.
*/
WITH ind AS (
    SELECT i.indicator_id, i.plan, p.city_code FROM indicator_catalog i JOIN dim_plan p ON p.plan = i.plan
),
districts AS (
    SELECT i.indicator_id, d.district_code FROM ind i JOIN dim_district d ON d.city_code = i.city_code AND d.is_current
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, district_code FROM int_indicator_cell
),
groups AS (
    SELECT i.indicator_id, g.group_code AS industry_group
    FROM ind i JOIN dim_industry_group g ON g.plan = i.plan AND g.group_code <> 'UNKNOWN'
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, industry_group FROM int_indicator_cell
),
sizes AS (
    SELECT i.indicator_id, z.size_class FROM ind i JOIN dim_size_class z ON z.is_sme
    UNION SELECT indicator_id, 'ALL' FROM ind
    UNION SELECT indicator_id, size_class FROM int_indicator_cell
)
SELECT i.indicator_id, i.plan, py.year, d.district_code, g.industry_group, s.size_class
FROM ind i
JOIN plan_year py ON py.plan = i.plan
JOIN districts d ON d.indicator_id = i.indicator_id
JOIN groups g ON g.indicator_id = i.indicator_id
JOIN sizes s ON s.indicator_id = i.indicator_id

/*
materialized: temp table
description: The SMEs of each plan in its baseline year (dim_plan.baseline_year), by reporting district and by industry group,
  with the plan's total under ALL/ALL: the weights by which mart_indicator apportions a city-wide count target to
  district and industry-group cells (indicator_catalog.apportion = 'sme_share', docs/indicators.md). Counted as the
  indicators place enterprises (enterprise_plan_year), SMEs in business (存续/在业) at the baseline year end: a firm
  deregistered that year has no share of the work ahead. A plan without such SMEs has no rows, so nothing is
  apportioned for it; a district or group without them has no row, and its share is 0.
*/
SELECT e.plan,
       CASE WHEN GROUPING(e.district_code) = 1 THEN 'ALL' ELSE e.district_code END AS district_code,
       CASE WHEN GROUPING(e.industry_group) = 1 THEN 'ALL' ELSE e.industry_group END AS industry_group,
       count(DISTINCT e.credit_code) AS sme_count
FROM enterprise_plan_year e
JOIN dim_plan p ON p.plan = e.plan AND e.year = p.baseline_year
WHERE e.is_sme AND e.is_active
GROUP BY GROUPING SETS ((e.plan), (e.plan, e.district_code), (e.plan, e.industry_group))

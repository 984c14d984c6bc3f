/*
materialized: temp table
description: Roll-up of the contributions: every year × district × industry group × size class and every combination with
  'ALL', in one pass (GROUPING SETS). Sums are kept so each kind's value, numerator, denominator and confidence
  interval can be computed from them (count distinct cannot be added up across cells, so it is computed here).
*/
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
)

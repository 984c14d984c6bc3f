/*
materialized: table
description: What each indicator counts before roll-up: one row per unit (enterprise, platform, person, patent × SME
  applicant or survey response) and the cell it counts for.
columns:
  indicator_id: Indicator id
  year: Reporting year
  district_code: Reporting district code
  industry_group: The plan's industry group
  size_class: Size class
  unit_id: What is counted (credit code, person id or application number)
  enterprise_id: The enterprise behind it (for the small-cell rule)
  num: Numerator amount (sum and ratio-of-sums)
  den: Denominator amount (ratio-of-sums)
  weight: Survey weight
  flag: Survey answer, 1 or 0
*/
-- Empty here: the indicator engine (Indicators/IndicatorEngine.cs) inserts each catalogued indicator's rows, BY NAME,
-- from the SELECT in its file under Sql/indicators/. num and den are DECIMAL so amounts are summed exactly (a sum of
-- doubles prints as 845740.0000000008).
SELECT CAST(NULL AS VARCHAR) AS indicator_id, CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS district_code,
       CAST(NULL AS VARCHAR) AS industry_group, CAST(NULL AS VARCHAR) AS size_class, CAST(NULL AS VARCHAR) AS unit_id,
       CAST(NULL AS VARCHAR) AS enterprise_id, CAST(NULL AS DECIMAL(38,4)) AS num, CAST(NULL AS DECIMAL(38,4)) AS den,
       CAST(NULL AS DOUBLE) AS weight, CAST(NULL AS DOUBLE) AS flag
WHERE false

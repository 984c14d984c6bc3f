/*
materialized: table
description: SME size thresholds of 工信部联企业〔2011〕300号 as a table of rules (size_class_rules.csv, shared in
  etl/Analytics.Reference). Large: at or above every large_* figure given; medium: at or above every medium_* figure;
  small: every small_*; micro otherwise. Employees in persons, revenue and assets in 万元.
columns:
  rule_id: Rule id
  sector_zh: Sector
  sector_en: Sector in English
  scope: GB/T 4754 codes the rule covers (; separated, * = other industries)
  large_employees: Large at or above (employees)
  large_revenue: Large at or above (revenue, 万元)
  large_assets: Large at or above (assets, 万元)
  medium_employees: Medium at or above (employees)
  medium_revenue: Medium at or above (revenue)
  medium_assets: Medium at or above (assets)
  small_employees: Small at or above (employees)
  small_revenue: Small at or above (revenue)
  small_assets: Small at or above (assets)
  source: Source document
*/
SELECT rule_id, sector_zh, sector_en, scope,
       CAST(large_employees AS DOUBLE) AS large_employees, CAST(large_revenue AS DOUBLE) AS large_revenue,
       CAST(large_assets AS DOUBLE) AS large_assets,
       CAST(medium_employees AS DOUBLE) AS medium_employees, CAST(medium_revenue AS DOUBLE) AS medium_revenue,
       CAST(medium_assets AS DOUBLE) AS medium_assets,
       CAST(small_employees AS DOUBLE) AS small_employees, CAST(small_revenue AS DOUBLE) AS small_revenue,
       CAST(small_assets AS DOUBLE) AS small_assets, source
FROM cat_raw_size_class_rules

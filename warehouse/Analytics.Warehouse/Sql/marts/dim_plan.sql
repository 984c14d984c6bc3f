/*
materialized: table
description: The seed plans (Analytics.Catalog/plans.csv): city, document, start, baseline and target years, and the
  years reported.
columns:
  plan: Plan id (CQ2013, YY2020)
  city_code: GB/T 2260 code of the plan's city
  city_zh: City name
  name_zh: Plan title
  name_en: Plan title in English
  document_no: Document number (文号)
  issued_on: Date issued
  start_year: First year of the plan period (cumulative counts start here)
  baseline_year: Baseline year (B)
  target_year: Target year (T)
  first_report_year: First year the marts report
  last_report_year: Last year the marts report
  sme_scope_zh: The plan's wording for its SME scope
*/
SELECT plan, city_code, city_zh, name_zh, name_en, document_no, CAST(issued_on AS DATE) AS issued_on,
       CAST(start_year AS INTEGER) AS start_year, CAST(baseline_year AS INTEGER) AS baseline_year,
       CAST(target_year AS INTEGER) AS target_year, CAST(first_report_year AS INTEGER) AS first_report_year,
       CAST(last_report_year AS INTEGER) AS last_report_year, sme_scope_zh
FROM cat_raw_plans

/*
materialized: table
description: The industry groups each plan reports on.
columns:
  plan: Plan id
  industry_group: Group code
  group_zh: Name
  group_en: Name in English
  gbt4754_codes: GB/T 4754 codes
  source_in_plan: Where the plan names it
  sort_order: Display order
*/
SELECT plan, group_code AS industry_group, group_zh, group_en, gbt4754_codes, source_in_plan, sort_order
FROM dim_industry_group
ORDER BY plan, sort_order

/*
materialized: table
description: Each plan's industry groups (editable data: policy-industry-groups.csv), plus UNKNOWN for units outside
  the registry.
columns:
  plan: Plan id
  group_code: Group code
  group_zh: Group name
  group_en: Group name in English
  gbt4754_codes: GB/T 4754 codes in the group (; separated, * = everything else)
  source_in_plan: Where the plan names the group
  sort_order: Display order
*/
-- Each plan's industry groups (editable data: Analytics.Reference's policy-industry-groups.csv), plus UNKNOWN for
-- units outside the registry (public institutions, persons' employers not found).
SELECT plan, group_code, group_zh, group_en, gbt4754_codes, source_in_plan,
       CAST(row_number() OVER (PARTITION BY plan ORDER BY rowid) AS INTEGER) AS sort_order
FROM ref_raw_policy_groups
UNION ALL
SELECT plan, 'UNKNOWN', '未知（名录外单位）', 'Unknown (not in the registry)', NULL, 'project default', 99
FROM dim_plan
ORDER BY plan, sort_order

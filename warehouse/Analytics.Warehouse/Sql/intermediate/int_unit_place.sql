/*
materialized: temp table
description: Where each unit holding a recognition counts in each plan year — the one placement rule of the
  recognition indicators. A unit in that year's registry of the plan's city is placed by its reporting district,
  the plan's industry group and its size class (enterprise_plan_year); a unit outside it (a public institution, a
  person's employer not found) by the division in positions 3–8 of its credit code, under industry group UNKNOWN and
  size 未知, when that division is in the plan's city. Units placed nowhere in the plan's city have no row.
columns:
  plan: Plan id
  year: The plan year the unit is placed in
  credit_code: The unit's credit code
  district_code: Reporting district (the registry's, else the credit code's division's)
  industry_group: The plan's industry group (UNKNOWN outside the registry)
  size_class: Size class that year (未知 outside the registry)
  is_sme: An SME that year (false outside the registry)
  is_active: In business that year (存续/在业); NULL outside the registry
  in_registry: Whether the unit is in that year's registry
*/
SELECT py.plan, py.year, u.credit_code,
       coalesce(e.district_code, d.reporting_code) AS district_code,
       coalesce(e.industry_group, 'UNKNOWN') AS industry_group,
       coalesce(e.size_class, '未知') AS size_class,
       coalesce(e.is_sme, false) AS is_sme,
       e.is_active,
       e.credit_code IS NOT NULL AS in_registry
FROM (SELECT DISTINCT credit_code FROM fact_recognition WHERE credit_code IS NOT NULL) u
CROSS JOIN plan_year py
LEFT JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = u.credit_code AND e.year = py.year
LEFT JOIN dim_district d ON d.district_code = substr(u.credit_code, 3, 6)
WHERE e.credit_code IS NOT NULL OR d.city_code = py.city_code

/*
materialized: table
description: Attribution used by every indicator: an enterprise's reporting district, the plan's industry group and
  its size class in a year, for each plan covering its city.
columns:
  plan: Plan id
  year: Year
  credit_code: 统一社会信用代码
  city_code: City code
  district_code: Reporting district code
  industry_group: The plan's industry group
  size_class: Size class
  is_sme: SME in that year
  is_active: Active at year end
*/
-- The attribution every indicator uses: an enterprise's reporting district, the plan's industry group and its size
-- class in a year, for each plan whose city it is in.
WITH candidates AS (
    SELECT credit_code, year, city_code,
           unnest(list_distinct(['*', section_code, division_code, substr(industry_code, 2, 3), substr(industry_code, 2, 4)])) AS code
    FROM fact_enterprise_year
),
matched AS (
    SELECT k.credit_code, k.year, p.plan, g.group_code,
           row_number() OVER (PARTITION BY k.credit_code, k.year, p.plan ORDER BY g.specificity DESC, g.group_code) AS rn
    FROM candidates k
    JOIN dim_plan p ON p.city_code = k.city_code
    JOIN bridge_industry_group_code g ON g.plan = p.plan AND g.code = k.code
)
SELECT m.plan, e.year, e.credit_code, e.city_code, e.district_code, m.group_code AS industry_group,
       e.size_class, e.is_sme, e.is_active
FROM matched m JOIN fact_enterprise_year e ON e.credit_code = m.credit_code AND e.year = m.year
WHERE m.rn = 1
ORDER BY m.plan, e.year, e.credit_code
